import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../types';
import * as addComment from './addComment.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as resolve from './resolve.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { addComment, create, get, getAll, resolve, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				description: 'Reply to a ticket, or add an internal note for staff',
				action: 'Add a comment to a ticket',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Open a support ticket in the portal',
				action: 'Create a ticket',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a ticket with its conversation and status history',
				action: 'Get a ticket',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List tickets, filtered by status, priority, client, assignee, workflow or words',
				action: 'Get many tickets',
			},
			{
				name: 'Resolve',
				value: 'resolve',
				description: 'Mark a ticket resolved',
				action: 'Resolve a ticket',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the status, priority, assignee, subject or description of a ticket',
				action: 'Update a ticket',
			},
		],
		default: 'create',
	},
	...addComment.description,
	...create.description,
	...get.description,
	...getAll.description,
	...resolve.description,
	...update.description,
];
