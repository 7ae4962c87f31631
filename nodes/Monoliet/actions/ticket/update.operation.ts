import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { TicketUpdate } from '../../../shared/contract';
import { getRecordId, readOptionalId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { priorityOptions, statusOptions, ticketLocator } from './descriptions';

const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Staff tokens change status, priority and assignee; a client token may change the subject and description while the ticket is open',
		options: [
			{
				displayName: 'Assignee ID',
				name: 'assigneeId',
				type: 'string',
				default: '',
				description: 'The staff user to assign the ticket to, or "none" to unassign it',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				options: priorityOptions,
				default: 'medium',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: statusOptions,
				default: 'in_progress',
				description:
					'Open → In Progress → Resolved; an open ticket may be resolved directly, and a resolved one only reopened',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'ticketId', label: 'ticket', itemIndex });
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as Omit<TicketUpdate, 'assigneeId'> & {
		assigneeId?: string;
	};
	const { assigneeId, ...rest } = fields;
	const body: TicketUpdate = rest;
	if (assigneeId !== undefined) {
		body.assigneeId =
			assigneeId.trim() === 'none' ? null : readOptionalId(this, { value: assigneeId, label: 'assignee', itemIndex });
	}
	if (Object.values(body).every((value) => value === undefined)) {
		throw new NodeOperationError(this.getNode(), 'Add at least one field to update', { itemIndex });
	}
	const ticket = (await monolietApiRequest.call(this, {
		method: 'PATCH',
		path: `/api/v1/tickets/${encodeURIComponent(id)}`,
		body: body as IDataObject,
		itemIndex,
	})) as IDataObject;
	return [{ json: ticket, pairedItem }];
}
