import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';

export const description: INodeProperties[] = [];

/** The client the token belongs to (a staff token belongs to none: the portal answers 404). */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const client = (await monolietApiRequest.call(this, {
		method: 'GET',
		path: '/api/v1/clients/me',
		itemIndex,
	})) as IDataObject;
	return [{ json: client, pairedItem }];
}
