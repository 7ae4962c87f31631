import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ClientDto } from '../../../shared/contract';
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
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Part of the company name, slug or email',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Churned', value: 'churned' },
					{ name: 'Paused', value: 'paused' },
				] satisfies Array<{ name: string; value: ClientDto['status'] }>,
				default: 'active',
				description: 'Only clients with this status',
			},
		],
	},
	sortOption({
		noun: 'clients',
		orders: [
			{ name: 'Company Name, A to Z', value: 'companyName' },
			{ name: 'Company Name, Z to A', value: '-companyName' },
			{ name: 'Fee, Highest First', value: '-monthlyFee' },
			{ name: 'Fee, Lowest First', value: 'monthlyFee' },
			{ name: 'Newest First', value: '-createdAt' },
			{ name: 'Oldest First', value: 'createdAt' },
		],
		defaultOrder: 'companyName',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getAll'] } },
	properties,
);

/** Every client for staff tokens; a client token gets only its own. */
export async function execute(this: IExecuteFunctions, call: OperationCall): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { search?: string; status?: ClientDto['status'] };
	const { order } = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	return await executeGetMany.call(this, {
		call,
		path: '/api/v1/clients',
		qs: { status: filters.status, search: filters.search?.trim(), order },
	});
}
