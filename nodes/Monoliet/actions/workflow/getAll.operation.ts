import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { WorkflowDto } from '../../../shared/contract';
import { readOptionalId } from '../../helpers/parameters';
import { returnAllOrLimit, sortOption } from '../common.descriptions';
import { executeGetMany } from '../getMany';
import type { OperationCall } from '../types';

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
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether to return only workflows n8n runs (on), or only those switched off (off)',
			},
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: "Only this client's workflows (staff tokens; a client token sees only its own)",
			},
			{
				displayName: 'Instance ID',
				name: 'instanceId',
				type: 'string',
				default: '',
				description: 'Only workflows of this n8n instance (its portal ID)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Part of the workflow name',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Error', value: 'error', description: 'Has an open failure alert' },
					{ name: 'Paused', value: 'paused', description: 'Switched off' },
				] satisfies Array<{ name: string; value: WorkflowDto['status']; description?: string }>,
				default: 'active',
				description: 'Only workflows with this health status',
			},
			{
				displayName: 'Unassigned',
				name: 'unassigned',
				type: 'boolean',
				default: true,
				description: 'Whether to return only workflows not yet assigned to a client (staff tokens)',
			},
		],
	},
	sortOption({
		noun: 'workflows',
		orders: [
			{ name: 'Last Changed, Newest First', value: '-updatedAt' },
			{ name: 'Last Changed, Oldest First', value: 'updatedAt' },
			{ name: 'Name, A to Z', value: 'name' },
			{ name: 'Name, Z to A', value: '-name' },
			{ name: 'Newest First', value: '-createdAt' },
			{ name: 'Oldest First', value: 'createdAt' },
		],
		defaultOrder: 'name',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['getAll'] } },
	properties,
);

type WorkflowFilters = {
	active?: boolean;
	clientId?: string;
	instanceId?: string;
	search?: string;
	status?: WorkflowDto['status'];
	unassigned?: boolean;
};

/** The workflows the portal knows (synced from n8n); a client token gets only its own. */
export async function execute(this: IExecuteFunctions, call: OperationCall): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as WorkflowFilters;
	const { order } = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));
	return await executeGetMany.call(this, {
		call,
		path: '/api/v1/workflows',
		qs: {
			client: readOptionalId(this, { value: filters.clientId, label: 'client', itemIndex }),
			instance: readOptionalId(this, { value: filters.instanceId, label: 'instance', itemIndex }),
			status: filters.status,
			active: flag(filters.active),
			unassigned: flag(filters.unassigned),
			search: filters.search?.trim(),
			order,
		},
	});
}
