import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';

import { parseDateParameter } from '../../helpers/dates';
import type { OperationCall } from '../types';
import { deliverRuns, onUnreachableProperty, retryForOption } from './delivery';
import type { ErrorTriggerItem } from './errorTrigger';
import { mapErrorTriggerItem } from './errorTrigger';

const properties: INodeProperties[] = [
	{
		displayName: 'Error Trigger Data',
		name: 'errorData',
		type: 'json',
		default: '={{ $json }}',
		description:
			'The item the Error Trigger emitted. Keep the default when this node follows the Error Trigger directly; otherwise point it at the Error Trigger with an expression.',
		hint: "For example {{ $('Error Trigger').item.json }}",
	},
	onUnreachableProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Stack Trace',
				name: 'includeStack',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the stack trace (without server paths) to the error message stored in the portal, where clients may see it',
			},
			retryForOption,
			{
				displayName: 'Started At',
				name: 'startedAt',
				type: 'dateTime',
				default: '',
				description:
					'When the failed run started. By default the time n8n 2.x gives in the Error Trigger item, or now with n8n 1.x; the portal\'s backfill later stores the time n8n recorded.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['execution'], operation: ['reportError'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	call: OperationCall,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const item = readErrorData(this, itemIndex);
	const mapped = mapErrorTriggerItem(item, {
		startedAt: readStartedAt(this, itemIndex),
		now: Date.now(),
		includeStack: this.getNodeParameter('options.includeStack', itemIndex, false) as boolean,
		fallbackId: this.getExecutionId(),
	});
	if ('problem' in mapped) {
		throw new NodeOperationError(this.getNode(), mapped.problem, {
			description: 'Connect this node to an Error Trigger, or point "Error Trigger Data" at its item.',
			itemIndex,
		});
	}
	const extra: IDataObject = { executionUrl: mapped.executionUrl ?? null, stack: mapped.stack ?? null };
	return await deliverRuns.call(this, { run: mapped.run, call, extra });
}

function readErrorData(context: IExecuteFunctions, itemIndex: number): ErrorTriggerItem {
	const value = context.getNodeParameter('errorData', itemIndex, {}) as unknown;
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(context.getNode(), 'Error Trigger Data must be an object', { itemIndex });
	}
	return parsed as ErrorTriggerItem;
}

function readStartedAt(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = context.getNodeParameter('options.startedAt', itemIndex, '') as string;
	if (!value) return undefined;
	const parsed = parseDateParameter(value, context.getTimezone());
	if (parsed === undefined) {
		throw new NodeOperationError(context.getNode(), `"${value}" is not a valid date`, {
			description: 'Check the Started At option.',
			itemIndex,
		});
	}
	return parsed;
}
