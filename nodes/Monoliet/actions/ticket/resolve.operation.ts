import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { ticketLocator } from './descriptions';

const properties: INodeProperties[] = [ticketLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['resolve'] } },
	properties,
);

/** Marks the ticket resolved; the portal refuses (409) a ticket that already is. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'ticketId', label: 'ticket', itemIndex });
	const ticket = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: `/api/v1/tickets/${encodeURIComponent(id)}/resolve`,
		itemIndex,
	})) as IDataObject;
	return [{ json: ticket, pairedItem }];
}
