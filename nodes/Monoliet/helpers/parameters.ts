import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDateParameter } from './dates';

/** The portal's record ids are UUIDs; anything else would only come back as a 400 or a wrong path. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a record id: from a resource locator (list, URL or ID mode, as n8n extracts it) or a plain
 * string parameter. Refuses an empty or malformed id with a message naming the parameter.
 */
export function getRecordId(
	context: IExecuteFunctions,
	{ name, label, itemIndex }: { name: string; label: string; itemIndex: number },
): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = typeof value === 'string' ? value.trim() : '';
	if (!id) {
		throw new NodeOperationError(context.getNode(), `Choose a ${label}`, { itemIndex });
	}
	checkUuid(context, { value: id, label, itemIndex });
	return id;
}

export function checkUuid(
	context: IExecuteFunctions,
	{ value, label, itemIndex }: { value: string; label: string; itemIndex: number },
): void {
	if (UUID.test(value)) return;
	throw new NodeOperationError(context.getNode(), `"${value}" is not a valid ${label} ID`, {
		description: `A ${label} ID looks like 3f2b8c1e-9d4a-4c7e-8f21-6a5b9c0d1e2f.`,
		itemIndex,
	});
}

/** An optional id field (a filter, an additional field): undefined when empty, else a checked UUID. */
export function readOptionalId(
	context: IExecuteFunctions,
	{ value, label, itemIndex }: { value: string | undefined; label: string; itemIndex: number },
): string | undefined {
	const id = value?.trim();
	if (!id) return undefined;
	checkUuid(context, { value: id, label, itemIndex });
	return id;
}

/** A date parameter as the day the portal expects (`YYYY-MM-DD`), from a date, date-time or ISO text. */
export function toIsoDay(
	context: IExecuteFunctions,
	{ value, label, itemIndex }: { value: unknown; label: string; itemIndex: number },
): string {
	const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(String(value).trim())?.[1];
	// a day that does not exist (2026-02-30) would otherwise roll over into the next month
	if (!day || !isRealDay(day)) {
		throw new NodeOperationError(context.getNode(), `"${String(value)}" is not a valid date`, {
			description: `Check ${label}. Use a date such as 2026-05-01.`,
			itemIndex,
		});
	}
	return day;
}

function isRealDay(day: string): boolean {
	const time = Date.parse(`${day}T00:00:00Z`);
	return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/** A date-time parameter as an ISO instant; times without an offset are read in the workflow's time zone. */
export function toIsoInstant(
	context: IExecuteFunctions,
	{ value, label, itemIndex }: { value: unknown; label: string; itemIndex: number },
): string {
	const parsed = parseDateParameter(String(value), context.getTimezone());
	if (parsed === undefined) {
		throw new NodeOperationError(context.getNode(), `"${String(value)}" is not a valid date`, {
			description: `Check ${label}.`,
			itemIndex,
		});
	}
	return new Date(parsed).toISOString();
}

/** A multi-select filter as the comma-separated list the portal's list routes take. */
export function toCommaList(values: unknown): string | undefined {
	const list = Array.isArray(values) ? values.map(String).filter(Boolean) : [];
	return list.length > 0 ? list.join(',') : undefined;
}
