import { Op, QueryTypes, type Transaction } from 'sequelize';
import { invoiceReminder } from '~/lib/email/templates';
import { getDb, Invoice, type PortalSettings } from '~/models/index.server';
import { queueEmails } from './emails.server';
import { invoicePayload } from './event-payloads.server';
import { publishEvent } from './events.server';
import { loadInvoice } from './invoice-notifications.server';
import { getBillingRecipients, getEmailBranding } from './recipients.server';
import { addDaysTo, dueReminder } from './reminder-stages';
import { getSettings } from './settings.server';

export type ReminderResult = { checked: number; remindersSent: number; markedOverdue: number };

/**
 * The `invoice-reminders` job and `send-invoice-reminders`: marks pending invoices past their due date
 * overdue (invoice.overdue), and queues each due reminder to the billing email. Every (invoice, stage) is
 * sent once, ever, however often and however concurrently this runs: the invoice row is locked and the
 * stage is claimed in invoice_reminders (unique per invoice and stage) in the transaction that queues the mail.
 */
export async function sendInvoiceReminders({ today = new Date().toISOString().slice(0, 10), onProgress }: { today?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<ReminderResult> {
  const settings = await getSettings();
  const open = await Invoice.findAll({
    where: { status: ['pending', 'overdue'], dueDate: { [Op.lte]: addDaysTo({ day: today, days: settings.reminderDaysBefore }) } },
    attributes: ['id'],
    order: [['dueDate', 'ASC'], ['id', 'ASC']],
  });
  const result: ReminderResult = { checked: open.length, remindersSent: 0, markedOverdue: 0 };
  for (const [index, { id }] of open.entries()) {
    // one invoice per transaction: a failing one does not hold back the others
    const outcome = await getDb().transaction((transaction) => remindInvoice({ invoiceId: id, today, settings }, transaction));
    result.remindersSent += outcome.reminded ? 1 : 0;
    result.markedOverdue += outcome.markedOverdue ? 1 : 0;
    onProgress?.(index + 1, open.length);
  }
  return result;
}

async function remindInvoice({ invoiceId, today, settings }: { invoiceId: string; today: string; settings: PortalSettings }, transaction: Transaction) {
  const locked = await Invoice.findByPk(invoiceId, { lock: transaction.LOCK.UPDATE, transaction });
  if (!locked || (locked.status !== 'pending' && locked.status !== 'overdue')) return { reminded: false, markedOverdue: false };
  let markedOverdue = false;
  if (locked.status === 'pending' && locked.dueDate < today) {
    await locked.update({ status: 'overdue' }, { transaction });
    await publishEvent({ event: 'invoice.overdue', data: { invoice: invoicePayload(locked) }, clientId: locked.clientId }, transaction);
    markedOverdue = true;
  }
  const stage = dueReminder({ dueDate: locked.dueDate, today, daysBefore: settings.reminderDaysBefore, repeatDays: settings.reminderRepeatDays });
  if (!stage) return { reminded: false, markedOverdue };
  const claimed = await getDb().query<{ id: string }>(
    'INSERT INTO invoice_reminders (invoice_id, stage) VALUES ($1, $2) ON CONFLICT (invoice_id, stage) DO NOTHING RETURNING id',
    { bind: [invoiceId, stage.key], type: QueryTypes.SELECT, transaction },
  );
  if (claimed.length === 0) return { reminded: false, markedOverdue };
  const { client, summary, url } = await loadInvoice(invoiceId, transaction);
  const branding = await getEmailBranding(transaction);
  await queueEmails([{ template: `invoice-reminder-${stage.kind}`, to: getBillingRecipients(client), rendered: invoiceReminder({ branding, invoice: summary, clientName: client.companyName, url, stage }), clientId: client.id }], transaction);
  return { reminded: true, markedOverdue };
}
