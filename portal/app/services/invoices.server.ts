import type { Transaction } from 'sequelize';
import { ApiError } from '~/lib/errors.server';
import { fromCents } from '~/lib/money';
import { Client, getDb, Invoice } from '~/models/index.server';
import { priceLines, type LineInput } from './invoice-lines';
import { takeInvoiceNumber } from './invoice-numbers.server';
import { getSettings } from './settings.server';

export type NewInvoice = {
  clientId: string;
  type: Invoice['type'];
  lines: LineInput[];
  currency?: string;
  issueDate?: string;
  dueDate?: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  notes?: string;
};

/** Creates an invoice with the next number of its issue year; totals are computed from the lines. */
export async function createInvoice(input: NewInvoice, outer?: Transaction): Promise<Invoice> {
  const { lines, totalCents } = priceLines(input.lines);
  const run = async (transaction: Transaction) => {
    const client = await Client.findByPk(input.clientId, { transaction });
    if (!client) throw new ApiError('not_found', 'Client not found');
    const settings = await getSettings(transaction);
    const issueDate = input.issueDate ?? new Date().toISOString().slice(0, 10);
    const dueDate = input.dueDate ?? addDays({ day: issueDate, days: settings.paymentTermsDays });
    if (dueDate < issueDate) throw new ApiError('invalid_input', 'The due date is before the issue date', { dueDate: ['Must be on or after the issue date'] });
    const year = Number(issueDate.slice(0, 4));
    const number = await takeInvoiceNumber({ prefix: settings.invoicePrefix, year, transaction });
    return Invoice.create(
      {
        number: number.number,
        numberYear: number.year,
        numberSeq: number.seq,
        clientId: client.id,
        type: input.type,
        lines,
        amount: fromCents(totalCents),
        currency: input.currency ?? client.currency,
        issueDate,
        dueDate,
        paidAt: null,
        paymentMethod: null,
        voidedAt: null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        notes: input.notes ?? '',
        stripeInvoiceId: null,
      },
      { transaction },
    );
  };
  return outer ? run(outer) : getDb().transaction(run);
}

export function addDays({ day, days }: { day: string; days: number }): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
