// Display formatting shared by pages (server and browser). Dates show in the viewer's locale, in UTC,
// so the server render and the hydrated page agree.

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? `${dateTime.format(new Date(value))} UTC` : '—';
}

export function formatDate(value: string | Date | null | undefined): string {
  return value ? dateOnly.format(new Date(value)) : '—';
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined || Number.isNaN(ratio) ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}

/** Time saved, in the hours people think in: "7.5 h" below 10 hours, whole hours above. */
export function formatHours(minutes: number): string {
  const hours = minutes / 60;
  if (hours === 0) return '0 h';
  if (hours < 10) return `${hours.toFixed(1)} h`;
  return `${formatNumber(Math.round(hours))} h`;
}

/** Minutes as 8-hour working days, when there are enough of them to be worth saying: "about 57 working days". */
export function describeWorkingDays(minutes: number): string | null {
  const days = Math.round(minutes / 60 / 8);
  if (days < 1) return null;
  return `about ${formatNumber(days)} working day${days === 1 ? '' : 's'}`;
}

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A UTC day ("2026-05-01") as "1 May", for chart axes. */
export function formatShortDay(day: string): string {
  return shortDay.format(new Date(`${day}T00:00:00Z`));
}
