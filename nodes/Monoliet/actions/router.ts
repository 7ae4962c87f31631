import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as client from './client/Client.resource';
import * as execution from './execution/Execution.resource';
import * as invoice from './invoice/Invoice.resource';
import * as ticket from './ticket/Ticket.resource';
import * as workflow from './workflow/Workflow.resource';
import type { Operation, OperationCall } from './types';

const operations: Record<string, Record<string, Operation>> = {
	client: client.operations,
	execution: execution.operations,
	invoice: invoice.operations,
	ticket: ticket.operations,
	workflow: workflow.operations,
};

/** The operation chosen in the node (resource and operation are the same for every item). */
export function getOperation(this: IExecuteFunctions): Operation {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = operations[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return found;
}

/** How often the operation runs for `itemCount` input items, and which items each call's output pairs with. */
export function planCalls(operation: Operation, itemCount: number): OperationCall[] {
	const all = Array.from({ length: itemCount }, (_, item) => ({ item }));
	if (operation.scope === 'execution') return itemCount === 0 ? [] : [{ itemIndex: 0, pairedItem: all }];
	return all.map((pairedItem) => ({ itemIndex: pairedItem.item, pairedItem }));
}

/** An error as n8n shows it: API and operation errors keep their details, anything else is wrapped. */
export function toNodeError(
	node: INode,
	{ error, itemIndex }: { error: unknown; itemIndex: number },
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

export function describeError(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
