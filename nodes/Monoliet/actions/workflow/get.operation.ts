import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { workflowLocator } from './descriptions';

const properties: INodeProperties[] = [workflowLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['get'] } },
	properties,
);

/** The workflow with its figures of the last 30 days. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'workflowId', label: 'workflow', itemIndex });
	const workflow = (await monolietApiRequest.call(this, {
		method: 'GET',
		path: `/api/v1/workflows/${encodeURIComponent(id)}`,
		itemIndex,
	})) as IDataObject;
	return [{ json: workflow, pairedItem }];
}
