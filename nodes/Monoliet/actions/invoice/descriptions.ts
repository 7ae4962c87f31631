import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { InvoiceStatus, InvoiceType, PaymentMethod } from '../../../shared/contract';
import { recordLocator } from '../common.descriptions';

export const invoiceLocator: INodeProperties = recordLocator({
	name: 'invoiceId',
	displayName: 'Invoice',
	searchListMethod: 'searchInvoices',
	urlSegment: 'invoices',
	description: 'The invoice, picked from the list (search by number or client), by its portal URL, or by ID',
});

export const invoiceTypeOptions: Array<INodePropertyOptions & { value: InvoiceType }> = [
	{ name: 'Additional', value: 'additional', description: 'Extra work or anything else' },
	{ name: 'Monthly', value: 'monthly', description: "The recurring fee of the client's plan" },
	{ name: 'Setup', value: 'setup', description: 'The one-off setup fee' },
];

export const invoiceStatusOptions: Array<INodePropertyOptions & { value: InvoiceStatus }> = [
	{ name: 'Overdue', value: 'overdue' },
	{ name: 'Paid', value: 'paid' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Void', value: 'void' },
];

export const paymentMethodOptions: Array<INodePropertyOptions & { value: PaymentMethod }> = [
	{ name: 'Bank Transfer', value: 'bank_transfer' },
	{ name: 'Card', value: 'card' },
	{ name: 'Cash', value: 'cash' },
	{ name: 'Check', value: 'check' },
	{ name: 'Direct Debit', value: 'direct_debit' },
	{ name: 'Other', value: 'other' },
	{ name: 'PayPal', value: 'paypal' },
	{ name: 'Stripe', value: 'stripe' },
];
