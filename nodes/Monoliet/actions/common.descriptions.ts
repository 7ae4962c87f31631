import type { INodeProperties } from 'n8n-workflow';

/** Matches a portal UUID, as typed into the "ID" mode of a resource locator. */
const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * A record picked from a searchable list, by its portal URL (when the portal has a page for it) or by ID.
 * Operations read it with `getRecordId`, which gets the extracted id.
 */
export function recordLocator({
	name,
	displayName,
	searchListMethod,
	urlSegment,
	description,
}: {
	name: string;
	displayName: string;
	searchListMethod: string;
	/** the path segment before the id in the portal's page address, e.g. `tickets` */
	urlSegment?: string;
	description: string;
}): INodeProperties {
	const idMode = {
		displayName: 'ID',
		name: 'id',
		type: 'string' as const,
		placeholder: '3f2b8c1e-9d4a-4c7e-8f21-6a5b9c0d1e2f',
		validation: [
			{
				type: 'regex',
				properties: { regex: `^\\s*${UUID_PATTERN}\\s*$`, errorMessage: 'Not a valid ID' },
			},
		],
	};
	const urlMode = urlSegment && {
		displayName: 'By URL',
		name: 'url',
		type: 'string' as const,
		placeholder: `https://portal.example.com/${urlSegment}/3f2b8c1e-9d4a-4c7e-8f21-6a5b9c0d1e2f`,
		validation: [
			{
				type: 'regex',
				properties: {
					regex: `^https?://.+/${urlSegment}/${UUID_PATTERN}`,
					errorMessage: `Not a portal ${displayName.toLowerCase()} URL`,
				},
			},
		],
		extractValue: { type: 'regex' as const, regex: `/${urlSegment}/(${UUID_PATTERN})` },
	};
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			...(urlMode ? [urlMode] : []),
			idMode,
		],
	};
}

/** Return All / Limit, as every n8n "Get Many" has them. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The "Options → Sort" collection of a "Get Many": the orders its list route allows, one chosen by default. */
export function sortOption({
	noun,
	orders,
	defaultOrder,
}: {
	/** plural, as in "The order of the tickets" */
	noun: string;
	orders: Array<{ name: string; value: string }>;
	defaultOrder: string;
}): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort',
				name: 'order',
				type: 'options',
				options: orders,
				default: defaultOrder,
				description: `The order of the ${noun}`,
			},
		],
	};
}
