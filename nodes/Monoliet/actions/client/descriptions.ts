import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common.descriptions';

export const clientLocator: INodeProperties = recordLocator({
	name: 'clientId',
	displayName: 'Client',
	searchListMethod: 'searchClients',
	description: 'The client, picked from the list (search by name, slug or email) or by ID',
});
