import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { clientLocator } from './descriptions';

const properties: INodeProperties[] = [clientLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'clientId', label: 'client', itemIndex });
	const client = (await monolietApiRequest.call(this, {
		method: 'GET',
		path: `/api/v1/clients/${encodeURIComponent(id)}`,
		itemIndex,
	})) as IDataObject;
	return [{ json: client, pairedItem }];
}
