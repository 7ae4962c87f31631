import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { TicketCreate, TicketPriority } from '../../../shared/contract';
import { readOptionalId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { priorityOptions } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'A short summary of the problem or request (at most 200 characters)',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What the ticket is about',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: priorityOptions,
		default: 'medium',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description:
					'The client the ticket is for. Needed with a staff token; a client token always opens tickets for its own client.',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description: "The portal ID of the client's workflow the ticket is about",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const { clientId, workflowId } = this.getNodeParameter('additionalFields', itemIndex, {}) as {
		clientId?: string;
		workflowId?: string;
	};
	const body: TicketCreate = {
		subject: this.getNodeParameter('subject', itemIndex) as string,
		description: this.getNodeParameter('description', itemIndex) as string,
		priority: this.getNodeParameter('priority', itemIndex) as TicketPriority,
	};
	const client = readOptionalId(this, { value: clientId, label: 'client', itemIndex });
	if (client) body.clientId = client;
	const workflow = readOptionalId(this, { value: workflowId, label: 'workflow', itemIndex });
	if (workflow) body.workflowId = workflow;
	const ticket = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/tickets',
		body: body as IDataObject,
		itemIndex,
	})) as IDataObject;
	return [{ json: ticket, pairedItem }];
}
