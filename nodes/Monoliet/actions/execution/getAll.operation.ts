import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOptionalId, toCommaList, toIsoInstant } from '../../helpers/parameters';
import { returnAllOrLimit, sortOption } from '../common.descriptions';
import { executeGetMany } from '../getMany';
import type { OperationCall } from '../types';
import { executionStatusOptions } from './descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: "Only runs of this client's workflows (staff tokens; a client token sees only its own)",
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'string',
				default: '',
				placeholder: 'webhook',
				description: "Only runs started this way, as n8n names it: trigger, webhook, manual, retry, error, …",
			},
			{
				displayName: 'Started After',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only runs that started at or after this moment',
			},
			{
				displayName: 'Started Before',
				name: 'until',
				type: 'dateTime',
				default: '',
				description: 'Only runs that started before this moment',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: executionStatusOptions,
				default: [],
				description: 'Only runs with one of these statuses',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description: "Only this workflow's runs (its portal ID, not n8n's)",
			},
		],
	},
	sortOption({
		noun: 'runs',
		orders: [
			{ name: 'Newest First', value: '-startedAt' },
			{ name: 'Oldest First', value: 'startedAt' },
		],
		defaultOrder: '-startedAt',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['execution'], operation: ['getAll'] } },
	properties,
);

type ExecutionFilters = {
	clientId?: string;
	mode?: string;
	since?: string;
	status?: string[];
	until?: string;
	workflowId?: string;
};

/** The runs the portal stored (pushed by Report or backfilled from n8n), newest first by default. */
export async function execute(this: IExecuteFunctions, call: OperationCall): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as ExecutionFilters;
	const { order } = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	const instant = (name: 'since' | 'until', label: string) =>
		filters[name] ? toIsoInstant(this, { value: filters[name], label, itemIndex }) : undefined;
	return await executeGetMany.call(this, {
		call,
		path: '/api/v1/executions',
		qs: {
			client: readOptionalId(this, { value: filters.clientId, label: 'client', itemIndex }),
			workflow: readOptionalId(this, { value: filters.workflowId, label: 'workflow', itemIndex }),
			status: toCommaList(filters.status),
			since: instant('since', 'Started After'),
			until: instant('until', 'Started Before'),
			mode: filters.mode?.trim(),
			order,
		},
	});
}
