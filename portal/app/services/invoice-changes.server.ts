import type { InvoiceDto, InvoicePay, InvoiceUpdate, InvoiceVoid } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { fromCents } from '~/lib/money';
import { assertStaff } from '~/lib/policy.server';
import { Client, getDb, Invoice } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { todayUtc, toInvoiceDto } from './invoice-dto';
import { priceLines } from './invoice-lines';
import { notifyInvoicePaid } from './invoice-notifications.server';

// Staff change invoices only while they are open (pending or overdue). A paid or void invoice is a
// record the client may already have filed: changing it is a conflict (409), never a silent edit.

type Change<I> = { caller: Caller; id: string; input: I };

export async function updateInvoice({ caller, id, input }: Change<InvoiceUpdate>): Promise<InvoiceDto> {
  return changeOpenInvoice({
    caller,
    id,
    verb: 'changed',
    apply: async ({ invoice, transaction, today }) => {
      const dueDate = input.dueDate ?? invoice.dueDate;
      if (dueDate < invoice.issueDate) throw new ApiError('invalid_input', 'The due date is before the issue date', { dueDate: ['must be on or after the issue date'] });
      const priced = input.lines ? priceLines(input.lines) : null;
      // a new due date in the future takes an overdue invoice back to pending
      const status = invoice.status === 'overdue' && dueDate >= today ? 'pending' : invoice.status;
      const before = { dueDate: invoice.dueDate, total: invoice.amount, status: invoice.status };
      await invoice.update(
        { dueDate, status, ...(input.notes !== undefined ? { notes: input.notes } : {}), ...(priced ? { lines: priced.lines, amount: fromCents(priced.totalCents) } : {}) },
        { transaction },
      );
      return { action: 'invoice.update', metadata: { fields: Object.keys(input), before, after: { dueDate, total: invoice.amount, status } } };
    },
  });
}

export async function payInvoice({ caller, id, input }: Change<InvoicePay>): Promise<InvoiceDto> {
  return changeOpenInvoice({
    caller,
    id,
    verb: 'paid',
    apply: async ({ invoice, transaction }) => {
      const paidAt = paymentTime(input.paidAt);
      await invoice.update({ status: 'paid', paidAt, paymentMethod: input.method }, { transaction });
      await notifyInvoicePaid({ invoiceId: invoice.id }, transaction);
      return { action: 'invoice.pay', metadata: { number: invoice.number, method: input.method, paidAt: paidAt.toISOString(), total: invoice.amount, currency: invoice.currency } };
    },
  });
}

export async function voidInvoice({ caller, id, input }: Change<InvoiceVoid>): Promise<InvoiceDto> {
  return changeOpenInvoice({
    caller,
    id,
    verb: 'voided',
    apply: async ({ invoice, transaction }) => {
      await invoice.update({ status: 'void', voidedAt: new Date() }, { transaction });
      return { action: 'invoice.void', metadata: { number: invoice.number, reason: input.reason ?? null, total: invoice.amount, currency: invoice.currency } };
    },
  });
}

type Applied = { action: string; metadata: Record<string, unknown> };
type Apply = (args: { invoice: Invoice; transaction: Transaction; today: string }) => Promise<Applied>;

/** Locks the invoice, refuses a closed one, applies the change and audits it, all in one transaction. */
async function changeOpenInvoice({ caller, id, verb, apply }: { caller: Caller; id: string; verb: string; apply: Apply }): Promise<InvoiceDto> {
  assertStaff(caller);
  return getDb().transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(id, { transaction, lock: transaction.LOCK.NO_KEY_UPDATE });
    if (!invoice) throw new ApiError('not_found', 'Invoice not found');
    if (invoice.status === 'paid') throw new ApiError('conflict', `${invoice.number} is already paid and cannot be ${verb}`);
    if (invoice.status === 'void') throw new ApiError('conflict', `${invoice.number} is void and cannot be ${verb}`);
    const today = todayUtc();
    const { action, metadata } = await apply({ invoice, transaction, today });
    await recordAudit({ actor: actorOf(caller), action, target: { type: 'invoice', id: invoice.id }, clientId: invoice.clientId, metadata }, transaction);
    const client = await Client.findByPk(invoice.clientId, { attributes: ['companyName'], transaction });
    return toInvoiceDto(invoice, { clientName: client!.companyName, today });
  });
}

// A date alone means "that day": noon UTC reads as the same day in every time zone (but never later than now).
function paymentTime(paidAt: string | undefined): Date {
  const now = new Date();
  if (!paidAt) return now;
  if (/^\d{4}-\d{2}-\d{2}$/.test(paidAt)) {
    if (paidAt > todayUtc(now)) throw futurePayment();
    const noon = new Date(`${paidAt}T12:00:00Z`);
    return noon > now ? now : noon;
  }
  const at = new Date(paidAt);
  // a few minutes of clock difference between the caller and us is not a payment from the future
  if (at.getTime() > now.getTime() + 5 * 60_000) throw futurePayment();
  return at;
}

function futurePayment() {
  return new ApiError('invalid_input', 'The payment date is in the future', { paidAt: ['must not be in the future'] });
}
