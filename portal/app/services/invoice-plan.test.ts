import { ApiError } from '~/lib/errors.server';
import { defaultPeriodFor, planInvoiceFor } from './invoice-plan';

describe('plan invoices', () => {
  it('bills a monthly client for the calendar month of the issue date, leap years included', () => {
    expect(defaultPeriodFor({ billingCycle: 'monthly', issueDate: '2028-02-17' })).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(defaultPeriodFor({ billingCycle: 'monthly', issueDate: '2026-12-31' })).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('bills a yearly client for twelve months from the first of the issue month', () => {
    expect(defaultPeriodFor({ billingCycle: 'yearly', issueDate: '2026-11-25' })).toEqual({ start: '2026-11-01', end: '2027-10-31' });
    expect(defaultPeriodFor({ billingCycle: 'yearly', issueDate: '2027-01-01' })).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });

  it('writes one line with the plan, the fee and the period, or the period it is given', () => {
    const client = { plan: 'Starter', monthlyFee: '490.00', billingCycle: 'monthly' as const };
    expect(planInvoiceFor({ client, issueDate: '2026-11-03' })).toEqual({
      lines: [{ description: 'Starter plan — monthly fee, 1 Nov 2026 – 30 Nov 2026', quantity: 1, unitAmount: '490.00' }],
      period: { start: '2026-11-01', end: '2026-11-30' },
    });
    const given = planInvoiceFor({ client: { ...client, plan: '' }, issueDate: '2026-11-03', period: { start: '2026-11-15', end: '2026-12-14' } });
    expect(given.lines[0]!.description).toBe('Automation plan — monthly fee, 15 Nov 2026 – 14 Dec 2026');
    expect(given.period).toEqual({ start: '2026-11-15', end: '2026-12-14' });
  });

  it('refuses to fill an invoice for a client without a fee', () => {
    expect(() => planInvoiceFor({ client: { plan: 'Free', monthlyFee: '0.00', billingCycle: 'monthly' }, issueDate: '2026-11-03' })).toThrow(ApiError);
  });
});
