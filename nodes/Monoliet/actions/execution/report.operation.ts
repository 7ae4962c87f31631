import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ExecutionReport, ExecutionStatus } from '../../../shared/contract';
import { parseDateParameter } from '../../helpers/dates';
import type { OperationCall } from '../types';
import { deliverRuns, onUnreachableProperty, retryForOption } from './delivery';

const FINAL_STATUSES: ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Canceled', value: 'canceled' },
			{ name: 'Crashed', value: 'crashed' },
			{ name: 'Error', value: 'error' },
			{ name: 'Running', value: 'running' },
			{ name: 'Success', value: 'success' },
			{ name: 'Waiting', value: 'waiting' },
		],
		default: 'success',
		description: 'The status of this run. At the end of a workflow it succeeded, so keep Success.',
	},
	onUnreachableProperty,
	{
		displayName: 'Overrides',
		name: 'overrides',
		type: 'collection',
		placeholder: 'Add Override',
		default: {},
		description: 'Values to send instead of the ones read from the running execution',
		options: [
			{
				displayName: 'Duration (Ms)',
				name: 'durationMs',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How long the run took, in milliseconds',
			},
			{
				displayName: 'Error Message',
				name: 'errorMessage',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Error Node',
				name: 'errorNode',
				type: 'string',
				default: '',
				description: 'Name of the node that failed',
			},
			{
				displayName: 'Execution ID',
				name: 'executionId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Item Count',
				name: 'itemCount',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How many items the run handled. Without it, the number of items reaching this node.',
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'string',
				default: '',
				placeholder: 'trigger',
				description: 'How the run was started, as n8n names it (trigger, webhook, manual, retry, …)',
			},
			{
				displayName: 'Retry Of',
				name: 'retryOf',
				type: 'string',
				default: '',
				description: 'ID of the execution this run retries',
			},
			{
				displayName: 'Started At',
				name: 'startedAt',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Stopped At',
				name: 'stoppedAt',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Workflow Name',
				name: 'workflowName',
				type: 'string',
				default: '',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [retryForOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['execution'], operation: ['report'] } },
	properties,
);

/** Reports the run once, however many items reach the node. */
export const scope = 'execution';

type Overrides = Partial<Omit<ExecutionReport, 'status' | 'retryOf' | 'stoppedAt'>> & {
	retryOf?: string;
	stoppedAt?: string;
};

export async function execute(
	this: IExecuteFunctions,
	call: OperationCall,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const status = this.getNodeParameter('status', itemIndex) as ExecutionStatus;
	const overrides = this.getNodeParameter('overrides', itemIndex, {}) as Overrides;
	const run = buildRun(this, { status, overrides, itemIndex });
	return await deliverRuns.call(this, { run, call });
}

function buildRun(
	context: IExecuteFunctions,
	{ status, overrides, itemIndex }: { status: ExecutionStatus; overrides: Overrides; itemIndex: number },
): ExecutionReport {
	const workflow = context.getWorkflow();
	const executionId = overrides.executionId || context.getExecutionId();
	const workflowId = overrides.workflowId || workflow.id;
	if (!executionId || !workflowId) {
		throw new NodeOperationError(context.getNode(), 'This run has no execution or workflow ID yet', {
			description: 'Save the workflow first, or set both IDs under Overrides.',
			itemIndex,
		});
	}
	const now = Date.now();
	const readDate = (name: 'startedAt' | 'stoppedAt') => readDateOverride(context, { overrides, name, itemIndex });
	const knownStart = readDate('startedAt') ?? readExecutionStart(context);
	const isFinal = FINAL_STATUSES.includes(status);
	// without a known start, a stop time or duration computed here would be made up; the backfill adds them
	const stoppedAt = readDate('stoppedAt') ?? (isFinal && knownStart ? now : undefined);
	const durationMs = overrides.durationMs ?? (isFinal && knownStart ? Math.max(0, now - knownStart) : undefined);
	return dropEmpty({
		executionId,
		workflowId,
		workflowName: overrides.workflowName || workflow.name,
		status,
		mode: overrides.mode || context.getMode(),
		startedAt: new Date(knownStart ?? now).toISOString(),
		stoppedAt: stoppedAt === undefined ? undefined : new Date(stoppedAt).toISOString(),
		durationMs,
		itemCount: overrides.itemCount ?? context.getInputData().length,
		errorMessage: overrides.errorMessage,
		errorNode: overrides.errorNode,
		retryOf: overrides.retryOf,
	});
}

function readDateOverride(
	context: IExecuteFunctions,
	{ overrides, name, itemIndex }: { overrides: Overrides; name: 'startedAt' | 'stoppedAt'; itemIndex: number },
): number | undefined {
	const value = overrides[name];
	if (!value) return undefined;
	const parsed = parseDateParameter(value, context.getTimezone());
	if (parsed === undefined) {
		throw new NodeOperationError(context.getNode(), `"${value}" is not a valid date`, {
			description: `Check the ${name === 'startedAt' ? 'Started At' : 'Stopped At'} override.`,
			itemIndex,
		});
	}
	return parsed;
}

/** When this execution started, as n8n 2.x records it in the execution context (older versions do not). */
function readExecutionStart(context: IExecuteFunctions): number | undefined {
	const getExecutionContext = context.getExecutionContext as IExecuteFunctions['getExecutionContext'] | undefined;
	if (typeof getExecutionContext !== 'function') return undefined;
	const establishedAt = getExecutionContext.call(context)?.establishedAt;
	return typeof establishedAt === 'number' && establishedAt > 0 ? establishedAt : undefined;
}

function dropEmpty<T extends object>(value: T): T {
	return Object.fromEntries(
		Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && v !== null),
	) as T;
}
