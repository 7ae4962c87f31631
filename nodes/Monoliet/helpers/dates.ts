/**
 * Reads a date parameter as epoch milliseconds. n8n's date picker gives local times without an offset
 * ("2026-05-01T10:00:00"); those are read in the workflow's time zone. Returns undefined when invalid.
 */
export function parseDateParameter(value: string, timeZone: string): number | undefined {
	const trimmed = value.trim();
	const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
	const asUtc = Date.parse(hasOffset ? trimmed : `${trimmed}Z`);
	if (Number.isNaN(asUtc)) return undefined;
	if (hasOffset) return asUtc;
	// the offset at the guessed instant is right except within an hour of a DST change
	return asUtc - zoneOffsetMs(asUtc, timeZone);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wallClock - Math.floor(instant / 1000) * 1000;
}
