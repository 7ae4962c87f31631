import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../types';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as report from './report.operation';
import * as reportError from './reportError.operation';

export const operations: Record<string, Operation> = { getAll, getStats, report, reportError };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['execution'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the runs the portal stored, filtered by client, workflow, status, mode or start time',
				action: 'Get many runs',
			},
			{
				name: 'Get Stats',
				value: 'getStats',
				description: 'Get totals, success rate, time saved and a per-day series over a period',
				action: 'Get run statistics',
			},
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
	...getAll.description,
	...getStats.description,
	...report.description,
	...reportError.description,
];
