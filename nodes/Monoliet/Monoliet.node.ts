import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as execution from './actions/execution/Execution.resource';
import { describeError, getOperation, planCalls, toNodeError } from './actions/router';
import * as ticket from './actions/ticket/Ticket.resource';

export class Monoliet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Monoliet',
		name: 'monoliet',
		icon: { light: 'file:../../icons/monoliet.svg', dark: 'file:../../icons/monoliet.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Report runs and errors to the Monoliet client portal and work with its tickets',
		defaults: {
			name: 'Monoliet',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'monolietApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Execution',
						value: 'execution',
					},
					{
						name: 'Ticket',
						value: 'ticket',
					},
				],
				default: 'execution',
			},
			...execution.description,
			...ticket.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = getOperation.call(this);
		const returnData: INodeExecutionData[] = [];
		for (const call of planCalls(operation, this.getInputData().length)) {
			try {
				returnData.push(...(await operation.execute.call(this, call)));
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: describeError(error) }, pairedItem: call.pairedItem });
					continue;
				}
				throw toNodeError(this.getNode(), { error, itemIndex: call.itemIndex });
			}
		}
		return [returnData];
	}
}
