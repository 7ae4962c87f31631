import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ExecutionBatch, ExecutionReport } from '../../../shared/contract';
import { getInstanceIdentity } from '../../helpers/instance';
import { isTransientFailure, toNodeApiError } from '../../transport';
import { sendPortalRequestWithRetry } from '../../transport/retry';
import type { OperationCall } from '../types';

export const onUnreachableProperty: INodeProperties = {
	displayName: 'On Portal Unreachable',
	name: 'onUnreachable',
	type: 'options',
	options: [
		{
			name: 'Continue',
			value: 'continue',
			description:
				'Output the run with "reported": false and let the workflow go on; the portal\'s scheduled backfill stores the run later',
		},
		{
			name: 'Fail',
			value: 'fail',
			description: 'Stop this workflow with an error',
		},
	],
	default: 'continue',
	description:
		'What to do when the portal cannot be reached after retrying (no answer, a timeout, or a 408/429/5xx answer). A rejected report (invalid token or data) always fails the node; use the node\'s "On Error" setting to go on anyway.',
};

export const retryForOption: INodeProperties = {
	displayName: 'Retry For (Seconds)',
	name: 'retryFor',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 300 },
	default: 15,
	description:
		'How long to keep retrying while the portal is unreachable, pausing 1, 2, 4, 8 seconds between attempts. 0 tries once.',
};

/**
 * Sends one run to `POST /api/v1/executions` with the instance identity. Retries while the portal is
 * unreachable; then either fails or, when asked to continue, outputs the run as not reported.
 */
export async function deliverRuns(
	this: IExecuteFunctions,
	{ run, call, extra = {} }: { run: ExecutionReport; call: OperationCall; extra?: IDataObject },
): Promise<INodeExecutionData[]> {
	const { itemIndex, pairedItem } = call;
	const instance = await getInstanceIdentity.call(this, itemIndex);
	const onUnreachable = this.getNodeParameter('onUnreachable', itemIndex, 'continue') as string;
	const retryFor = this.getNodeParameter('options.retryFor', itemIndex, 15) as number;
	const batch: ExecutionBatch = { instance, runs: [run] };
	const outcome = await sendPortalRequestWithRetry.call(this, {
		request: { method: 'POST', path: '/api/v1/executions', body: batch },
		retryForMs: retryFor * 1000,
	});
	const json = (fields: IDataObject) => ({ ...fields, instance, run: run as IDataObject, ...extra });
	if (outcome.ok) {
		return [{ json: json({ reported: true, result: outcome.body as IDataObject }), pairedItem }];
	}
	const error = toNodeApiError(this, { failure: outcome, itemIndex });
	if (onUnreachable === 'continue' && isTransientFailure(outcome)) {
		this.logger.warn(`Monoliet: run ${run.executionId} not reported: ${error.message}`);
		const reason = { error: error.message, description: error.description ?? null, attempts: outcome.attempts };
		return [{ json: json({ reported: false, ...reason }), pairedItem }];
	}
	throw error;
}
