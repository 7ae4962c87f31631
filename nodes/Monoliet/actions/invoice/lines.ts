import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import type { InvoiceLineInput, InvoiceType } from '../../../shared/contract';

export const linesProperties: INodeProperties[] = [
	{
		displayName: 'Lines',
		name: 'linesInput',
		type: 'options',
		options: [
			{
				name: "From the Client's Plan",
				value: 'plan',
				description: "Monthly invoices only: one line with the client's plan and fee",
			},
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: 'An array of lines, e.g. from an earlier node',
			},
		],
		default: 'fields',
		description: 'Where the invoice lines come from',
	},
	{
		displayName: 'Line Items',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line',
		default: {},
		displayOptions: { show: { linesInput: ['fields'] } },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'What the line is for, as printed on the invoice',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 3 },
						default: 1,
					},
					{
						displayName: 'Unit Price',
						name: 'unitAmount',
						type: 'number',
						typeOptions: { numberPrecision: 2 },
						default: 0,
						description: 'The price of one unit in the invoice currency; negative for a discount',
					},
				],
			},
		],
	},
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[\n  { "description": "Workflow maintenance", "quantity": 1, "unitAmount": "250.00" }\n]',
		description:
			'An array of lines, each with description, quantity and unitAmount (a number or a text such as "250.00")',
		displayOptions: { show: { linesInput: ['json'] } },
	},
];

type RawLine = { description?: unknown; quantity?: unknown; unitAmount?: unknown };

/** The lines to send, or undefined for a monthly invoice filled from the client's plan. */
export function readInvoiceLines(
	context: IExecuteFunctions,
	{ itemIndex, type }: { itemIndex: number; type: InvoiceType },
): InvoiceLineInput[] | undefined {
	const input = context.getNodeParameter('linesInput', itemIndex) as 'plan' | 'fields' | 'json';
	if (input === 'plan') {
		if (type === 'monthly') return undefined;
		throw new NodeOperationError(context.getNode(), "Only a monthly invoice can be filled from the client's plan", {
			description: 'Add the lines using the fields below or JSON.',
			itemIndex,
		});
	}
	const raw =
		input === 'json'
			? readJsonLines(context, itemIndex)
			: ((context.getNodeParameter('lines.line', itemIndex, []) as RawLine[]) ?? []);
	if (raw.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Add at least one invoice line', {
			description: "Only a monthly invoice can be filled from the client's plan (Lines: From the Client's Plan).",
			itemIndex,
		});
	}
	return raw.map((line, index) => toLine(context, { line, index, itemIndex }));
}

function readJsonLines(context: IExecuteFunctions, itemIndex: number): RawLine[] {
	const value = context.getNodeParameter('linesJson', itemIndex) as unknown;
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	if (!Array.isArray(parsed) || parsed.some((line) => typeof line !== 'object' || line === null)) {
		throw new NodeOperationError(context.getNode(), 'Lines (JSON) must be an array of lines', {
			description: 'For example [{ "description": "Setup", "quantity": 1, "unitAmount": "500.00" }]',
			itemIndex,
		});
	}
	return parsed as RawLine[];
}

function toLine(
	context: IExecuteFunctions,
	{ line, index, itemIndex }: { line: RawLine; index: number; itemIndex: number },
): InvoiceLineInput {
	const fail = (message: string) =>
		new NodeOperationError(context.getNode(), `Invoice line ${index + 1}: ${message}`, { itemIndex });
	const quantity = typeof line.quantity === 'string' ? Number(line.quantity) : line.quantity;
	if (typeof quantity !== 'number' || !Number.isFinite(quantity)) throw fail('the quantity must be a number');
	return {
		description: typeof line.description === 'string' ? line.description : String(line.description ?? ''),
		quantity,
		unitAmount: toMoney(line.unitAmount, fail),
	};
}

/** An amount as the portal's decimal text ("1490.00"); more than two decimals is refused, not rounded. */
function toMoney(value: unknown, fail: (message: string) => Error): string {
	if (typeof value === 'string' && /^-?\d+(\.\d{1,2})?$/.test(value.trim())) return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) {
		const cents = value * 100;
		if (Math.abs(cents - Math.round(cents)) < 1e-6) return value.toFixed(2);
	}
	throw fail(`the unit price must be an amount with at most two decimals, such as 1490.00, not ${JSON.stringify(value)}`);
}
