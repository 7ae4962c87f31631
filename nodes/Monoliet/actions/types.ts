import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPairedItemData,
} from 'n8n-workflow';

/** One call of an operation: the item whose parameters it reads, and the input items its output pairs with. */
export type OperationCall = { itemIndex: number; pairedItem: IPairedItemData | IPairedItemData[] };

export type Operation = {
	description: INodeProperties[];
	/**
	 * `item` (the default): called once per input item. `execution`: called once for all input items,
	 * for operations about the run itself (reporting it twice would say nothing new).
	 */
	scope?: 'item' | 'execution';
	execute(this: IExecuteFunctions, call: OperationCall): Promise<INodeExecutionData[]>;
};
