import { ApiError } from '~/lib/errors.server';
import { formatDate } from '~/lib/format';
import { toCents } from '~/lib/money';
import type { LineInput } from './invoice-lines';

// A "monthly" invoice sent without lines is filled from the client's plan: a monthly client pays its fee
// for one calendar month, a yearly client its yearly fee (stored in the same fee column) for twelve months
// starting with the month of the issue date. The period is what makes "once a year" hold: an invoice whose
// period overlaps one already billed is refused (see assertPeriodNotBilled).

export type PlanClient = { plan: string; monthlyFee: string; billingCycle: 'monthly' | 'yearly' };
export type Period = { start: string; end: string };

export function defaultPeriodFor({ billingCycle, issueDate }: { billingCycle: PlanClient['billingCycle']; issueDate: string }): Period {
  const [year, month] = issueDate.split('-').map(Number) as [number, number];
  const months = billingCycle === 'yearly' ? 12 : 1;
  const start = new Date(Date.UTC(year, month - 1, 1));
  const end = new Date(Date.UTC(year, month - 1 + months, 0));
  return { start: isoDay(start), end: isoDay(end) };
}

/** The one line of a plan invoice and the period it bills. */
export function planInvoiceFor({ client, issueDate, period }: { client: PlanClient; issueDate: string; period?: Period }): { lines: LineInput[]; period: Period } {
  if (toCents(client.monthlyFee) <= 0) {
    throw new ApiError('invalid_input', 'This client has no fee to bill; add the lines yourself', { lines: ['The client has no fee set: add at least one line'] });
  }
  const billed = period ?? defaultPeriodFor({ billingCycle: client.billingCycle, issueDate });
  const plan = client.plan.trim() ? `${client.plan.trim()} plan` : 'Automation plan';
  const what = client.billingCycle === 'yearly' ? 'yearly fee' : 'monthly fee';
  return {
    lines: [{ description: `${plan} — ${what}, ${formatDate(billed.start)} – ${formatDate(billed.end)}`, quantity: 1, unitAmount: client.monthlyFee }],
    period: billed,
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
