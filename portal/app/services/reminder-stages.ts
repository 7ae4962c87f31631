import type { ReminderStage } from '~/lib/email/templates/invoices';

// Which reminder an open invoice is due for on a given day. Each stage has a key that is stored in
// invoice_reminders (unique per invoice), so each one goes out once, ever.

export type DueReminder = ReminderStage & { key: string };

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween({ from, to }: { from: string; to: string }): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * `before` from N days before the due date, `due` on it, then `overdue-<M>`, `overdue-<2M>`, ... every M
 * days after it. A run that was missed catches up with the current stage only, never a backlog.
 */
export function dueReminder({ dueDate, today, daysBefore, repeatDays }: { dueDate: string; today: string; daysBefore: number; repeatDays: number }): DueReminder | null {
  const untilDue = daysBetween({ from: today, to: dueDate });
  if (untilDue > 0) return untilDue <= daysBefore ? { key: 'before', kind: 'before', days: untilDue } : null;
  if (untilDue === 0) return { key: 'due', kind: 'due', days: 0 };
  const late = -untilDue;
  const repeats = Math.floor(late / repeatDays);
  return repeats >= 1 ? { key: `overdue-${repeats * repeatDays}`, kind: 'overdue', days: late } : null;
}

export function addDaysTo({ day, days }: { day: string; days: number }): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
