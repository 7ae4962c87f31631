import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getRecordId } from '../../helpers/parameters';
import { monolietApiRequest } from '../../transport';
import type { OperationCall } from '../types';
import { workflowLocator } from './descriptions';

const properties: INodeProperties[] = [workflowLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['workflow'], operation: ['deactivate'] } },
	properties,
);

/** Switches the workflow off in n8n (unpublish on n8n 2.x, deactivate on 1.x) through the portal; staff tokens only. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, pairedItem }: OperationCall,
): Promise<INodeExecutionData[]> {
	const id = getRecordId(this, { name: 'workflowId', label: 'workflow', itemIndex });
	const workflow = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: `/api/v1/workflows/${encodeURIComponent(id)}/deactivate`,
		itemIndex,
	})) as IDataObject;
	return [{ json: workflow, pairedItem }];
}
