import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../types';
import * as report from './report.operation';
import * as reportError from './reportError.operation';

export const operations: Record<string, Operation> = { report, reportError };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['execution'] } },
		options: [
			{
				name: 'Report',
				value: 'report',
				description: 'Report this run to the portal (place at the end of a workflow)',
				action: 'Report this run',
			},
			{
				name: 'Report Error',
				value: 'reportError',
				description: 'Report a failed run from the item of an Error Trigger',
				action: 'Report a failed run',
			},
		],
		default: 'report',
	},
	...report.description,
	...reportError.description,
];
