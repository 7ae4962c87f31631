import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
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
		options: [
			{ name: 'Low', value: 'low' },
			{ name: 'Medium', value: 'medium' },
			{ name: 'High', value: 'high' },
			{ name: 'Urgent', value: 'urgent' },
		],
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
	const { clientId } = this.getNodeParameter('additionalFields', itemIndex, {}) as { clientId?: string };
	const body: IDataObject = {
		subject: this.getNodeParameter('subject', itemIndex) as string,
		description: this.getNodeParameter('description', itemIndex) as string,
		priority: this.getNodeParameter('priority', itemIndex) as string,
	};
	if (clientId) body.clientId = clientId;
	const ticket = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/tickets',
		body,
		itemIndex,
	})) as IDataObject;
	return [{ json: ticket, pairedItem }];
}
