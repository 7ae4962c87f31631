import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { InvoicePay, PaymentMethod } from '../../../shared/contract';
import { getRecordId, toIsoInstant } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { invoiceLocator, paymentMethodOptions } from './descriptions';

const properties: INodeProperties[] = [
	invoiceLocator,
	{
		displayName: 'Payment Method',
		name: 'method',
		type: 'options',
		options: paymentMethodOptions,
		default: 'bank_transfer',
		description: 'How the client paid',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Paid At',
				name: 'paidAt',
				type: 'dateTime',
				default: '',
				description: 'When the money arrived (never in the future). By default now.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['markPaid'] } },
	properties,
);

/** Records the payment of a pending or overdue invoice (staff tokens); the portal refuses a paid or void one. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'invoiceId', label: 'invoice', itemIndex });
	const { paidAt } = this.getNodeParameter('options', itemIndex, {}) as { paidAt?: string };
	const body: InvoicePay = { method: this.getNodeParameter('method', itemIndex) as PaymentMethod };
	if (paidAt) body.paidAt = toIsoInstant(this, { value: paidAt, label: 'Paid At', itemIndex });
	const invoice = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: `/api/v1/invoices/${encodeURIComponent(id)}/pay`,
		body: body as IDataObject,
		itemIndex,
	})) as IDataObject;
	return [{ json: invoice, pairedItem }];
}
