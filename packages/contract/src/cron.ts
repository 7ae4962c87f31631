// 5-field cron expressions (minute hour day-of-month month day-of-week), as the job scheduler runs them.
// Accepted per field: `*`, numbers, `a-b` ranges, `/n` steps on either, comma lists, and month and
// weekday names (JAN-DEC, SUN-SAT). Deliberately stricter than cron parsers (no `?`, `L`, `W`, `#`, no
// seconds), so anything accepted here is understood the same way by every scheduler.

type Field = { name: string; min: number; max: number; names?: readonly string[] };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];

function valueOf(text: string, field: Field): number | null {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : null;
  }
  const index = field.names?.indexOf(text.toUpperCase() as never) ?? -1;
  if (index < 0) return null;
  return field.name === 'month' ? index + 1 : index;
}

function checkItem(item: string, field: Field): string | null {
  const [range, step, ...extra] = item.split('/');
  if (extra.length > 0 || range === undefined || range === '') return `"${item}" is not a valid ${field.name}`;
  if (step !== undefined && !/^\d{1,2}$/.test(step)) return `the step in "${item}" must be a number`;
  if (step !== undefined && (Number(step) < 1 || Number(step) > field.max)) return `the step in "${item}" must be between 1 and ${field.max}`;
  if (range === '*') return null;
  const [from, to, ...more] = range.split('-');
  if (more.length > 0) return `"${item}" is not a valid ${field.name}`;
  const start = valueOf(from ?? '', field);
  if (start === null) return `"${from}" is not a valid ${field.name} (${field.min}-${field.max})`;
  if (to === undefined) return null;
  const end = valueOf(to, field);
  if (end === null) return `"${to}" is not a valid ${field.name} (${field.min}-${field.max})`;
  if (end < start) return `the range "${range}" runs backwards`;
  return null;
}

/** What is wrong with a 5-field cron expression, or null when it is valid. */
export function describeCronProblem(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length || parts[0] === '') {
    return `use 5 fields (minute hour day-of-month month day-of-week), e.g. "*/15 * * * *"; got ${parts[0] === '' ? 0 : parts.length}`;
  }
  for (const [index, part] of parts.entries()) {
    const field = FIELDS[index]!;
    for (const item of part.split(',')) {
      const problem = checkItem(item, field);
      if (problem) return problem;
    }
  }
  return null;
}
