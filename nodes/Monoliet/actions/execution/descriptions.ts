import type { INodePropertyOptions } from 'n8n-workflow';

import type { ExecutionStatus } from '../../../shared/contract';

export const executionStatusOptions: Array<INodePropertyOptions & { value: ExecutionStatus }> = [
	{ name: 'Canceled', value: 'canceled' },
	{ name: 'Crashed', value: 'crashed' },
	{ name: 'Error', value: 'error' },
	{ name: 'New', value: 'new' },
	{ name: 'Running', value: 'running' },
	{ name: 'Success', value: 'success' },
	{ name: 'Unknown', value: 'unknown' },
	{ name: 'Waiting', value: 'waiting' },
];
