import { CliError } from './run.server';

// Parsing of command-line flag values; a bad value is an error that names the flag and shows an example.

/** `--since`: an ISO date or date-time (UTC unless it carries an offset). */
export function parseSinceFlag(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError(`--since must be an ISO date or time, like 2026-05-01 or 2026-05-01T08:00:00Z (got "${value}")`);
  }
  return date;
}

/** `--date`: a calendar day, YYYY-MM-DD. */
export function parseDayFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new CliError(`--date must be a day like 2026-05-01 (got "${value}")`);
  }
  return value;
}
