import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as client from './actions/client/Client.resource';
import * as execution from './actions/execution/Execution.resource';
import * as invoice from './actions/invoice/Invoice.resource';
import { describeError, getOperation, planCalls, toNodeError } from './actions/router';
import * as ticket from './actions/ticket/Ticket.resource';
import * as workflow from './actions/workflow/Workflow.resource';
import { searchClients, searchInvoices, searchTickets, searchWorkflows } from './methods/listSearch';

export class Monoliet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Monoliet',
		name: 'monoliet',
		icon: { light: 'file:../../icons/monoliet.svg', dark: 'file:../../icons/monoliet.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Report runs and errors to the Monoliet client portal, and work with its tickets, invoices, clients and workflows',
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
						name: 'Client',
						value: 'client',
					},
					{
						name: 'Execution',
						value: 'execution',
					},
					{
						name: 'Invoice',
						value: 'invoice',
					},
					{
						name: 'Ticket',
						value: 'ticket',
					},
					{
						name: 'Workflow',
						value: 'workflow',
					},
				],
				default: 'execution',
			},
			...client.description,
			...execution.description,
			...invoice.description,
			...ticket.description,
			...workflow.description,
		],
	};

	methods = {
		listSearch: { searchClients, searchInvoices, searchTickets, searchWorkflows },
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
