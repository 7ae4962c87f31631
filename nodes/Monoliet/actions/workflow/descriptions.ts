import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';

export const workflowLocator: INodeProperties = recordLocator({
	name: 'workflowId',
	displayName: 'Workflow',
	searchListMethod: 'searchWorkflows',
	urlSegment: 'workflows',
	description: 'The workflow, picked from the list (search by name), by its portal URL, or by its portal ID',
});
