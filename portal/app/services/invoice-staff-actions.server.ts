import type { InvoicePay } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { invoiceReminder } from '~/lib/email/templates';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, getDb, Invoice } from '~/models/index.server';
import { recordAudit } from './audit.server';
import type { BulkOutcome } from './clients.server';
import { queueEmails } from './emails.server';
import { todayUtc } from './invoice-dto';
import { payInvoice } from './invoice-changes.server';
import { loadInvoice } from './invoice-notifications.server';
import { planInvoiceFor, type Period } from './invoice-plan';
import type { LineInput } from './invoice-lines';
import { getBillingRecipients, getEmailBranding } from './recipients.server';
import { daysBetween } from './reminder-stages';

// Staff-only invoice actions of the staff pages that the API does not have as routes.

/** What a monthly invoice of this client would bill if issued on `issueDate`: the new-invoice form is pre-filled with it. */
export async function previewPlanInvoice({ caller, clientId, issueDate = todayUtc() }: { caller: Caller; clientId: string; issueDate?: string }): Promise<{ lines: LineInput[]; period: Period; currency: string }> {
  assertStaff(caller);
  const client = await Client.findByPk(clientId);
  if (!client) throw new ApiError('not_found', 'Client not found');
  return { ...planInvoiceFor({ client, issueDate }), currency: client.currency };
}

/**
 * Bulk "Mark paid": each selected invoice through payInvoice (so each is audited and publishes its event like
 * a single one); invoices that are already paid or void are skipped, not an error. The whole is audited too.
 */
export async function payInvoices({ caller, ids, input }: { caller: Caller; ids: string[]; input: InvoicePay }): Promise<BulkOutcome> {
  assertStaff(caller);
  const found = await Invoice.findAll({ where: { id: ids }, attributes: ['id'] });
  if (found.length !== new Set(ids).size) throw new ApiError('not_found', 'One of the selected invoices no longer exists');
  const outcome: BulkOutcome = { changed: [], skipped: [] };
  for (const id of [...ids].sort()) {
    try {
      await payInvoice({ caller, id, input });
      outcome.changed.push(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
      outcome.skipped.push(id);
    }
  }
  await recordAudit({ actor: actorOf(caller), action: 'invoice.bulk_pay', metadata: { method: input.method, paid: outcome.changed, skipped: outcome.skipped } });
  return outcome;
}

/**
 * "Send a reminder now": one reminder mail to the billing email at once, worded for where the invoice stands
 * (due in N days, due today, N days overdue). It does not use up a scheduled reminder stage. Audited as invoice.remind.
 */
export async function sendInvoiceReminderNow({ caller, id }: { caller: Caller; id: string }): Promise<{ to: string[] }> {
  assertStaff(caller);
  return getDb().transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(id, { transaction, lock: transaction.LOCK.NO_KEY_UPDATE });
    if (!invoice) throw new ApiError('not_found', 'Invoice not found');
    if (invoice.status === 'paid' || invoice.status === 'void') throw new ApiError('conflict', `${invoice.number} is ${invoice.status}; there is nothing to remind the client of`);
    const { client, summary, url } = await loadInvoice(id, transaction);
    const untilDue = daysBetween({ from: todayUtc(), to: invoice.dueDate });
    const stage = untilDue > 0 ? { kind: 'before' as const, days: untilDue } : untilDue === 0 ? { kind: 'due' as const, days: 0 } : { kind: 'overdue' as const, days: -untilDue };
    const to = getBillingRecipients(client);
    const branding = await getEmailBranding(transaction);
    await queueEmails([{ template: `invoice-reminder-${stage.kind}`, to, rendered: invoiceReminder({ branding, invoice: summary, clientName: client.companyName, url, stage }), clientId: client.id }], transaction);
    await recordAudit({ actor: actorOf(caller), action: 'invoice.remind', target: { type: 'invoice', id }, clientId: client.id, metadata: { number: invoice.number, to, stage: stage.kind, manual: true } }, transaction);
    return { to };
  });
}
