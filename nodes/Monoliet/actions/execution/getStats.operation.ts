import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { MAX_STATS_DAYS } from '../../../shared/contract';
import { readOptionalId, toIsoDay } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_STATS_DAYS },
		default: 30,
		description: 'How many days the figures cover, ending with the last day (included)',
	},
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
				description: "Only this client's workflows (staff tokens; a client token sees only its own)",
			},
			{
				displayName: 'Last Day',
				name: 'until',
				type: 'dateTime',
				default: '',
				description: 'The last day of the period (UTC), included. Default: today.',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description: 'Only this workflow (its portal ID)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['execution'], operation: ['getStats'] } },
	properties,
);

type StatsFilters = { clientId?: string; until?: string; workflowId?: string };

/** Totals, success rate, time saved and a per-day series of a period, from the portal's daily rollups. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const days = this.getNodeParameter('days', itemIndex, 30) as number;
	if (!Number.isInteger(days) || days < 1 || days > MAX_STATS_DAYS) {
		throw new NodeOperationError(this.getNode(), `Days must be a whole number from 1 to ${MAX_STATS_DAYS}, not ${days}`, {
			itemIndex,
		});
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as StatsFilters;
	const qs: IDataObject = { days };
	const client = readOptionalId(this, { value: filters.clientId, label: 'client', itemIndex });
	const workflow = readOptionalId(this, { value: filters.workflowId, label: 'workflow', itemIndex });
	if (client) qs.client = client;
	if (workflow) qs.workflow = workflow;
	if (filters.until) qs.until = toIsoDay(this, { value: filters.until, label: 'Last Day', itemIndex });
	const stats = (await monolietApiRequest.call(this, {
		method: 'GET',
		path: '/api/v1/executions/stats',
		qs,
		itemIndex,
	})) as IDataObject;
	return [{ json: stats, pairedItem }];
}
