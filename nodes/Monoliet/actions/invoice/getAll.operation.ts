import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOptionalId, toCommaList, toIsoDay } from '../../helpers/parameters';
import { returnAllOrLimit, sortOption } from '../common.descriptions';
import { executeGetMany } from '../getMany';
import type { OperationCall } from '../types';
import { invoiceStatusOptions, invoiceTypeOptions } from './descriptions';

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
				description: "Only this client's invoices (staff tokens; a client token sees only its own)",
			},
			{
				displayName: 'Issued Since',
				name: 'issuedSince',
				type: 'dateTime',
				default: '',
				description: 'Only invoices issued on or after this day',
			},
			{
				displayName: 'Issued Until',
				name: 'issuedUntil',
				type: 'dateTime',
				default: '',
				description: 'Only invoices issued on or before this day',
			},
			{
				displayName: 'Overdue',
				name: 'overdue',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only invoices that are overdue or pending past their due date (on), or only the others (off)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: invoiceStatusOptions,
				default: [],
				description: 'Only invoices with one of these statuses',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: invoiceTypeOptions,
				default: 'monthly',
				description: 'Only invoices of this type',
			},
		],
	},
	sortOption({
		noun: 'invoices',
		orders: [
			{ name: 'Due Date, Earliest First', value: 'dueDate' },
			{ name: 'Due Date, Latest First', value: '-dueDate' },
			{ name: 'Issue Date, Newest First', value: '-issueDate' },
			{ name: 'Issue Date, Oldest First', value: 'issueDate' },
			{ name: 'Number, Ascending', value: 'number' },
			{ name: 'Number, Descending', value: '-number' },
		],
		defaultOrder: '-issueDate',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getAll'] } },
	properties,
);

type InvoiceFilters = {
	clientId?: string;
	issuedSince?: string;
	issuedUntil?: string;
	overdue?: boolean;
	status?: string[];
	type?: string;
};

export async function execute(this: IExecuteFunctions, call: OperationCall): Promise<INodeExecutionData[]> {
	const { itemIndex } = call;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as InvoiceFilters;
	const { order } = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	const day = (name: 'issuedSince' | 'issuedUntil', label: string) =>
		filters[name] ? toIsoDay(this, { value: filters[name], label, itemIndex }) : undefined;
	return await executeGetMany.call(this, {
		call,
		path: '/api/v1/invoices',
		qs: {
			status: toCommaList(filters.status),
			client: readOptionalId(this, { value: filters.clientId, label: 'client', itemIndex }),
			type: filters.type,
			overdue: filters.overdue === undefined ? undefined : String(filters.overdue),
			issuedSince: day('issuedSince', 'Issued Since'),
			issuedUntil: day('issuedUntil', 'Issued Until'),
			order,
		},
	});
}
