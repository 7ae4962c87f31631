import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { ticketLocator } from './descriptions';

const properties: INodeProperties[] = [ticketLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['get'] } },
	properties,
);

/** The ticket with its conversation and status history (internal notes only for staff tokens). */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'ticketId', label: 'ticket', itemIndex });
	const ticket = (await monolietApiRequest.call(this, {
		method: 'GET',
		path: `/api/v1/tickets/${encodeURIComponent(id)}`,
		itemIndex,
	})) as IDataObject;
	return [{ json: ticket, pairedItem }];
}
