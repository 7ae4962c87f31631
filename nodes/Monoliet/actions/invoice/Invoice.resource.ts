import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as markPaid from './markPaid.operation';

export const operations: Record<string, Operation> = { create, get, getAll, markPaid };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an invoice for a client; the portal numbers it (staff tokens)',
				action: 'Create an invoice',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an invoice with its lines',
				action: 'Get an invoice',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List invoices, filtered by status, client, type, issue date or overdue',
				action: 'Get many invoices',
			},
			{
				name: 'Mark Paid',
				value: 'markPaid',
				description: 'Record the payment of a pending or overdue invoice (staff tokens)',
				action: 'Mark an invoice as paid',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...markPaid.description,
];
