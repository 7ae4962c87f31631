import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { monolietApiRequestAllItems } from '../transport';
import type { OperationCall } from './types';

/**
 * Runs a "Get Many": reads a list route with the given filters, every page with Return All or up to
 * Limit, and outputs one item per record, each paired with the input item that asked.
 */
export async function executeGetMany(
	this: IExecuteFunctions,
	{ call, path, qs }: { call: OperationCall; path: string; qs: IDataObject },
): Promise<INodeExecutionData[]> {
	const { itemIndex, pairedItem } = call;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(this, itemIndex);
	const records = (await monolietApiRequestAllItems.call(this, {
		path,
		qs: dropUnset(qs),
		limit,
		itemIndex,
	})) as IDataObject[];
	return records.map((json) => ({ json, pairedItem }));
}

function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of 1 or more, not ${limit}`, {
			itemIndex,
		});
	}
	return limit;
}

/** Query values the user did not set are left out rather than sent empty. */
function dropUnset(qs: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(qs).filter(([, value]) => value !== undefined && value !== ''));
}
