import { resetConfig } from '~/lib/config.server';
import { Email, getDb, Invoice, InvoiceReminder, PortalSettings, WebhookDelivery, WebhookSubscription } from '~/models/index.server';
import { createInvoice } from '~/services/invoices.server';
import { sendInvoiceReminders } from '~/services/invoice-reminders.server';
import { sealSecret } from '~/services/secrets.server';
import { buildClient } from './factories';
import { isQueueIdle, startTestJobs } from './helpers/jobs';
import { startSmtpServer } from './helpers/smtp';
import { waitFor } from './helpers/wait';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  await PortalSettings.update({ reminderDaysBefore: 3, reminderRepeatDays: 7 }, { where: { id: 1 } });
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetConfig();
  await startTestJobs();
});

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  resetConfig();
});

async function invoiceDue(dueDate: string, billingEmail: string) {
  const client = await buildClient({ billingEmail, companyName: `Client of ${billingEmail}` });
  return createInvoice({ clientId: client.id, type: 'monthly', lines: [{ description: 'Retainer', quantity: 1, unitAmount: '250.00' }], issueDate: '2026-04-01', dueDate });
}

const delivered = () => waitFor(async () => (await isQueueIdle('email')) && (await Email.count({ where: { status: 'queued' } })) === 0, { what: 'the mails' });

describe('invoice reminders', () => {
  it('reminds before, on and after the due date, marking the invoice overdue, and sends each stage once', async () => {
    const invoice = await invoiceDue('2026-05-15', 'ap@stages.example');
    const subscriptionSecret = sealSecret({ kind: 'webhookSecret', plaintext: 'whsec_reminders_0123456789' });
    await WebhookSubscription.create({ targetUrl: 'https://hooks.invalid/overdue', events: ['invoice.overdue'], secretEncrypted: subscriptionSecret, clientId: null, createdById: null });
    const subjects = () => smtp.received.filter((m) => m.to.includes('ap@stages.example')).map((m) => m.subject);

    for (const day of ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-15', '2026-05-15', '2026-05-16', '2026-05-22', '2026-05-23', '2026-05-29']) {
      await sendInvoiceReminders({ today: day });
    }
    await delivered();

    expect(subjects().sort()).toEqual([
      `Overdue: invoice ${invoice.number} (€250.00)`,
      `Overdue: invoice ${invoice.number} (€250.00)`,
      `Reminder: invoice ${invoice.number} (€250.00) is due on 2026-05-15`,
      `Reminder: invoice ${invoice.number} (€250.00) is due today`,
    ]);
    expect((await InvoiceReminder.findAll({ where: { invoiceId: invoice.id } })).map((r) => r.stage).sort()).toEqual(['before', 'due', 'overdue-14', 'overdue-7']);
    expect((await invoice.reload()).status).toBe('overdue');
    expect(await WebhookDelivery.count({ where: { event: 'invoice.overdue' } })).toBe(1);
  });

  it('sends each reminder once when the job runs twice at the same time', async () => {
    const invoices = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => invoiceDue('2026-06-10', `ap-${name}@twice.example`)));
    const [first, second] = await Promise.all([sendInvoiceReminders({ today: '2026-06-18' }), sendInvoiceReminders({ today: '2026-06-18' })]);
    expect(first.markedOverdue + second.markedOverdue).toBe(5);
    await Promise.all([sendInvoiceReminders({ today: '2026-06-18' }), sendInvoiceReminders({ today: '2026-06-19' })]);
    await delivered();

    const counts = smtp.countsByRecipient();
    expect(invoices.map((_, i) => counts[`ap-${'abcde'[i]}@twice.example`])).toEqual([1, 1, 1, 1, 1]);
    expect((await InvoiceReminder.findAll({ where: { invoiceId: invoices.map((i) => i.id) } })).map((r) => r.stage)).toEqual(Array(5).fill('overdue-7'));
  });

  it('leaves paid and void invoices alone', async () => {
    const paid = await invoiceDue('2026-07-01', 'ap@paid.example');
    const voided = await invoiceDue('2026-07-01', 'ap@void.example');
    await getDb().transaction(async (transaction) => {
      await paid.update({ status: 'paid', paidAt: new Date(), paymentMethod: 'card' }, { transaction });
      await voided.update({ status: 'void', voidedAt: new Date() }, { transaction });
    });
    await sendInvoiceReminders({ today: '2026-07-01' });
    await sendInvoiceReminders({ today: '2026-07-10' });
    expect(await InvoiceReminder.count({ where: { invoiceId: [paid.id, voided.id] } })).toBe(0);
    expect(await Invoice.count({ where: { id: [paid.id, voided.id], status: 'overdue' } })).toBe(0);
  });
});
