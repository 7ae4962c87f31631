/** The smallest "round" number (1, 2 or 5 times a power of ten) at or above the value: the top of a chart's axis. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value - power * 1e-9)!;
  return step * power;
}

/** Which of `count` axis labels to print so that about `wanted` show, always the first and the last. */
export function labelIndexes({ count, wanted }: { count: number; wanted: number }): Set<number> {
  if (count <= wanted) return new Set(Array.from({ length: count }, (_, i) => i));
  const every = Math.ceil((count - 1) / (wanted - 1));
  const shown = new Set<number>();
  for (let i = count - 1; i >= 0; i -= every) shown.add(i);
  shown.add(0);
  // the first label would crowd the next one shown
  const next = Math.min(...[...shown].filter((i) => i > 0));
  if (next <= every / 2) shown.delete(next);
  return shown;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Axis labels are formatted by hand: the server's and the browser's Intl data differ in small ways ("Sept" and
// "Sep", compact forms), and any difference breaks hydration.

/** "Nov" for a date (UTC). */
export function shortMonth(iso: string): string {
  return MONTHS[new Date(iso).getUTCMonth()]!;
}

/** "25 Nov" for a day (YYYY-MM-DD). */
export function shortDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}

/** 950, 1.5k, 12k, 2.5M: an axis label. */
export function compactNumber(value: number): string {
  const trim = (n: number) => String(Math.round(n * 10) / 10);
  if (Math.abs(value) >= 1_000_000) return `${trim(value / 1_000_000)}M`;
  if (Math.abs(value) >= 1_000) return `${trim(value / 1_000)}k`;
  return trim(value);
}
