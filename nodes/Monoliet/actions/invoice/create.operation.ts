import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { InvoiceCreate, InvoiceType } from '../../../shared/contract';
import { getRecordId, toIsoDay } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import { clientLocator } from '../client/descriptions';
import type { OperationCall } from '../types';
import { invoiceTypeOptions } from './descriptions';
import { linesProperties, readInvoiceLines } from './lines';

const properties: INodeProperties[] = [
	{ ...clientLocator, description: 'The client to invoice' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: invoiceTypeOptions,
		default: 'additional',
	},
	...linesProperties,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'EUR',
				description: "A 3-letter ISO currency code. By default the client's currency.",
			},
			{
				displayName: 'Due Date',
				name: 'dueDate',
				type: 'dateTime',
				default: '',
				description: 'By default the issue date plus the payment terms set in the portal',
			},
			{
				displayName: 'Issue Date',
				name: 'issueDate',
				type: 'dateTime',
				default: '',
				description: 'By default today (UTC). Its year is the year in the invoice number.',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Printed on the invoice, so the client sees them too',
			},
			{
				displayName: 'Period End',
				name: 'periodEnd',
				type: 'dateTime',
				default: '',
				description: 'Last day of the period the invoice covers (give both start and end)',
			},
			{
				displayName: 'Period Start',
				name: 'periodStart',
				type: 'dateTime',
				default: '',
				description: 'First day of the period the invoice covers (give both start and end)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	properties,
);

type InvoiceFields = { currency?: string; notes?: string } & Partial<
	Record<'dueDate' | 'issueDate' | 'periodEnd' | 'periodStart', string>
>;

const DATE_LABELS = { dueDate: 'Due Date', issueDate: 'Issue Date', periodEnd: 'Period End', periodStart: 'Period Start' };

/** Creates an invoice (staff tokens); the portal assigns its number. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as InvoiceFields;
	const body: InvoiceCreate = {
		clientId: getRecordId(this, { name: 'clientId', label: 'client', itemIndex }),
		type: this.getNodeParameter('type', itemIndex) as InvoiceType,
	};
	const lines = readInvoiceLines(this, { itemIndex, type: body.type });
	if (lines) body.lines = lines;
	if (fields.currency?.trim()) body.currency = fields.currency.trim().toUpperCase();
	if (fields.notes) body.notes = fields.notes;
	for (const [name, label] of Object.entries(DATE_LABELS) as Array<[keyof typeof DATE_LABELS, string]>) {
		if (fields[name]) body[name] = toIsoDay(this, { value: fields[name], label, itemIndex });
	}
	const invoice = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/invoices',
		body: body as IDataObject,
		itemIndex,
	})) as IDataObject;
	return [{ json: invoice, pairedItem }];
}
