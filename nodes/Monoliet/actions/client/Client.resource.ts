import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMe from './getMe.operation';

export const operations: Record<string, Operation> = { get, getAll, getMe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a client: company, contact, plan, fees and billing',
				action: 'Get a client',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List clients, filtered by status or by words of their name or email (staff tokens see every client)',
				action: 'Get many clients',
			},
			{
				name: 'Get Me',
				value: 'getMe',
				description: 'Get the client the API token belongs to (client tokens)',
				action: 'Get the client of the token',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...getMe.description,
];
