import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkUuid, readOptionalId, toCommaList } from '../../helpers/parameters';
import { returnAllOrLimit, sortOption } from '../common.descriptions';
import { executeGetMany } from '../getMany';
import type { OperationCall } from '../types';
import { priorityOptions, statusOptions } from './descriptions';

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
				displayName: 'Assignee',
				name: 'assignee',
				type: 'string',
				default: '',
				placeholder: 'me',
				description:
					'Only tickets assigned to this staff user: a user ID, "me" for the token\'s user, or "none" for unassigned tickets',
			},
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: "Only this client's tickets (staff tokens; a client token sees only its own)",
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'multiOptions',
				options: priorityOptions,
				default: [],
				description: 'Only tickets with one of these priorities',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'export #1042',
				description: 'Words of the subject or description, or a ticket number such as #1042',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: statusOptions,
				default: [],
				description: 'Only tickets with one of these statuses',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description: 'Only tickets about this workflow (its portal ID)',
			},
		],
	},
	sortOption({
		noun: 'tickets',
		orders: [
			{ name: 'Last Activity, Newest First', value: '-updatedAt' },
			{ name: 'Last Activity, Oldest First', value: 'updatedAt' },
			{ name: 'Newest First', value: '-createdAt' },
			{ name: 'Number, Ascending', value: 'number' },
			{ name: 'Number, Descending', value: '-number' },
			{ name: 'Oldest First', value: 'createdAt' },
		],
		defaultOrder: '-createdAt',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['getAll'] } },
	properties,
);

type TicketFilters = {
	assignee?: string;
	clientId?: string;
	priority?: string[];
	search?: string;
	status?: string[];
	workflowId?: string;
};

export async function execute(this: IExecuteFunctions, call: OperationCall): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as TicketFilters;
	const { order } = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	const assignee = filters.assignee?.trim();
	if (assignee && assignee !== 'me' && assignee !== 'none') {
		checkUuid(this, { value: assignee, label: 'assignee', itemIndex });
	}
	return await executeGetMany.call(this, {
		call,
		path: '/api/v1/tickets',
		qs: {
			status: toCommaList(filters.status),
			priority: toCommaList(filters.priority),
			client: readOptionalId(this, { value: filters.clientId, label: 'client', itemIndex }),
			assignee,
			workflow: readOptionalId(this, { value: filters.workflowId, label: 'workflow', itemIndex }),
			search: filters.search?.trim(),
			order,
		},
	});
}
