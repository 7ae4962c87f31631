import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../types';
import * as activate from './activate.operation';
import * as deactivate from './deactivate.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { activate, deactivate, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				description: 'Switch a workflow on in n8n through the portal (staff tokens)',
				action: 'Activate a workflow',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				description: 'Switch a workflow off in n8n through the portal (staff tokens)',
				action: 'Deactivate a workflow',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a workflow with its client, health, last run and the figures of its last 30 days',
				action: 'Get a workflow',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List workflows, filtered by client, health, active, instance or name',
				action: 'Get many workflows',
			},
		],
		default: 'getAll',
	},
	...activate.description,
	...deactivate.description,
	...get.description,
	...getAll.description,
];
