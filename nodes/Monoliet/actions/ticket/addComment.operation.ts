import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { TicketCommentCreate } from '../../../shared/contract';
import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { ticketLocator } from './descriptions';

const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Message',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: "The reply. A client's reply to a resolved ticket reopens it.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Internal Note',
				name: 'internal',
				type: 'boolean',
				default: false,
				description:
					'Whether this is a note for agency staff only, which the client never sees (staff tokens only)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['addComment'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'ticketId', label: 'ticket', itemIndex });
	const { internal = false } = this.getNodeParameter('options', itemIndex, {}) as { internal?: boolean };
	const body: TicketCommentCreate = { body: this.getNodeParameter('body', itemIndex) as string, internal };
	const comment = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: `/api/v1/tickets/${encodeURIComponent(id)}/comments`,
		body: body as IDataObject,
		itemIndex,
	})) as IDataObject;
	return [{ json: comment, pairedItem }];
}
