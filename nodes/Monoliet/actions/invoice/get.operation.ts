import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { invoiceLocator } from './descriptions';

const properties: INodeProperties[] = [invoiceLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['get'] } },
	properties,
);

/** The invoice with its lines and notes. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'invoiceId', label: 'invoice', itemIndex });
	const invoice = (await monolietApiRequest.call(this, {
		method: 'GET',
		path: `/api/v1/invoices/${encodeURIComponent(id)}`,
		itemIndex,
	})) as IDataObject;
	return [{ json: invoice, pairedItem }];
}
