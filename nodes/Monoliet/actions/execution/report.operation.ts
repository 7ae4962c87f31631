import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ExecutionStatus } from '../../../shared/contract';
import type { OperationCall } from '../types';
import type { RunOverrides } from './currentRun';
import { describeCurrentRun } from './currentRun';
import { deliverRuns, onUnreachableProperty, retryForOption } from './delivery';

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

export async function execute(
	this: IExecuteFunctions,
	call: OperationCall,
): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const status = this.getNodeParameter('status', itemIndex) as ExecutionStatus;
	const overrides = this.getNodeParameter('overrides', itemIndex, {}) as RunOverrides;
	const run = describeCurrentRun(this, { status, overrides, itemIndex });
	return await deliverRuns.call(this, { run, call });
}
