import { resetConfig } from '~/lib/config.server';
import { Email, getDb, PortalSettings, SupportTicket, TicketComment, type Client, type User } from '~/models/index.server';
import { createInvoice } from '~/services/invoices.server';
import { notifyInvoiceCreated } from '~/services/invoice-notifications.server';
import { notifyTicketCreated, notifyTicketReplied, notifyTicketResolved } from '~/services/ticket-notifications.server';
import { buildClient, buildUser } from './factories';
import { isQueueIdle, jobStates, startTestJobs } from './helpers/jobs';
import { freePort, startSmtpServer } from './helpers/smtp';
import { waitFor } from './helpers/wait';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

let smtp: Smtp | undefined;

function useSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetConfig();
}

beforeAll(async () => {
  await PortalSettings.update({ companyName: 'Brightloop Automation', alertRecipients: ['alerts@agency.example', 'ops@agency.example'] }, { where: { id: 1 } });
  await startTestJobs();
});

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

afterAll(async () => {
  useSmtp(undefined);
});

async function openTicket({ client, creator }: { client: Client; creator: User }) {
  return getDb().transaction(async (transaction) => {
    const ticket = await SupportTicket.create({ clientId: client.id, createdById: creator.id, assigneeId: null, workflowId: null, subject: 'Invoices stopped syncing', description: 'Since this morning', resolvedAt: null }, { transaction });
    await notifyTicketCreated({ ticketId: ticket.id }, transaction);
    return ticket;
  });
}

async function allSent() {
  return (await isQueueIdle('email')) && (await Email.count({ where: { status: 'queued' } })) === 0;
}

describe('emails', () => {
  it('a rolled-back ticket creates no email and no job; a committed one creates exactly one per recipient', async () => {
    useSmtp(undefined);
    const client = await buildClient({ email: 'contact@acme.example' });
    const creator = await buildUser({ client, email: 'maria@acme.example' });
    const totalJobs = async () => Object.values(await jobStates('email')).reduce((a, b) => a + b, 0);
    const before = { emails: await Email.count(), jobs: await totalJobs() };

    await expect(
      getDb().transaction(async (transaction) => {
        const ticket = await SupportTicket.create({ clientId: client.id, createdById: creator.id, assigneeId: null, workflowId: null, subject: 'Never saved', resolvedAt: null }, { transaction });
        await notifyTicketCreated({ ticketId: ticket.id }, transaction);
        throw new Error('validation failed later in the same transaction');
      }),
    ).rejects.toThrow('validation failed');
    expect(await Email.count()).toBe(before.emails);
    expect(await totalJobs()).toBe(before.jobs);

    const ticket = await openTicket({ client, creator });
    const emails = await Email.findAll({ where: { clientId: client.id } });
    expect(emails.map((e) => `${e.template} ${e.toAddresses.join(',')}`).sort()).toEqual([
      'ticket-created contact@acme.example',
      'ticket-created maria@acme.example',
      'ticket-created-staff alerts@agency.example',
      'ticket-created-staff ops@agency.example',
    ]);
    expect(await totalJobs()).toBe(before.jobs + 4);
    expect(emails.every((e) => e.subject.includes(`#${ticket.number}`))).toBe(true);
    // the outbox without SMTP_URL: every mail is filed once the queue ran
    await waitFor(allSent, { what: 'the outbox' });
    expect(await Email.count({ where: { clientId: client.id, status: 'outbox' } })).toBe(4);
  });

  it('sends each event to exactly the right people over SMTP', async () => {
    smtp = await startSmtpServer();
    useSmtp(smtp.url);
    const client = await buildClient({ email: 'contact@northwind.example', billingEmail: 'billing@northwind.example', companyName: 'Northwind' });
    const noBilling = await buildClient({ email: 'owner@solo.example', billingEmail: null, companyName: 'Solo' });
    const creator = await buildUser({ client, email: 'sam@northwind.example' });
    const staff = await buildUser({ role: 'staff', email: 'lena@agency.example', name: 'Lena' });

    const ticket = await openTicket({ client, creator });
    await getDb().transaction(async (transaction) => {
      const internal = await TicketComment.create({ ticketId: ticket.id, authorId: staff.id, body: 'Token revoked, ask Sam', internal: true }, { transaction });
      await notifyTicketReplied({ ticketId: ticket.id, commentId: internal.id }, transaction);
      const fromClient = await TicketComment.create({ ticketId: ticket.id, authorId: creator.id, body: 'Any news?' }, { transaction });
      await notifyTicketReplied({ ticketId: ticket.id, commentId: fromClient.id }, transaction);
      const reply = await TicketComment.create({ ticketId: ticket.id, authorId: staff.id, body: 'Fixed: the token is renewed.' }, { transaction });
      await notifyTicketReplied({ ticketId: ticket.id, commentId: reply.id }, transaction);
      await ticket.update({ status: 'resolved', resolvedAt: new Date() }, { transaction });
      await notifyTicketResolved({ ticketId: ticket.id }, transaction);
    });
    for (const owner of [client, noBilling]) {
      await getDb().transaction(async (transaction) => {
        const invoice = await createInvoice({ clientId: owner.id, type: 'monthly', lines: [{ description: 'Retainer', quantity: 1, unitAmount: '400.00' }] }, transaction);
        await notifyInvoiceCreated({ invoiceId: invoice.id }, transaction);
      });
    }

    await waitFor(allSent, { what: 'every mail to be sent' });
    const bySubject = (recipient: string) => smtp!.received.filter((m) => m.to.includes(recipient)).map((m) => m.subject.replace(/\d{4}-\d{4}/, 'N').replace(/#\d+/, '#T')).sort();
    expect(smtp.received.every((m) => m.to.length === 1)).toBe(true);
    expect(bySubject('sam@northwind.example')).toEqual(['[#T] New reply: Invoices stopped syncing', '[#T] Resolved: Invoices stopped syncing', '[#T] We received your request: Invoices stopped syncing']);
    expect(bySubject('contact@northwind.example')).toEqual(bySubject('sam@northwind.example'));
    expect(bySubject('alerts@agency.example')).toEqual(['[#T] New medium ticket from Northwind: Invoices stopped syncing']);
    expect(bySubject('ops@agency.example')).toEqual(bySubject('alerts@agency.example'));
    expect(bySubject('billing@northwind.example')).toEqual(['Invoice INV-N from Brightloop Automation: €400.00']);
    expect(bySubject('owner@solo.example')).toEqual(['Invoice INV-N from Brightloop Automation: €400.00']);
    expect(Object.keys(smtp.countsByRecipient()).sort()).toEqual(['alerts@agency.example', 'billing@northwind.example', 'contact@northwind.example', 'ops@agency.example', 'owner@solo.example', 'sam@northwind.example']);
    const reply = smtp.received.find((m) => m.subject.includes('New reply'))!;
    expect(reply.text).toContain('Fixed: the token is renewed.');
    expect(reply.html).toContain('Brightloop Automation');
    expect(smtp.received.some((m) => m.text.includes('Token revoked'))).toBe(false);
  });

  it('delivers every mail exactly once when SMTP is down at first and comes back', async () => {
    const port = await freePort();
    useSmtp(`smtp://127.0.0.1:${port}`);
    const clients = await Promise.all([1, 2, 3].map((i) => buildClient({ billingEmail: `billing${i}@down.example` })));
    for (const client of clients) {
      await getDb().transaction(async (transaction) => {
        const invoice = await createInvoice({ clientId: client.id, type: 'additional', lines: [{ description: 'Extra hours', quantity: 2, unitAmount: '95.00' }] }, transaction);
        await notifyInvoiceCreated({ invoiceId: invoice.id }, transaction);
      });
    }
    const ids = clients.map((c) => c.id);
    // every mail has failed at least once while nothing listened on the port
    await waitFor(async () => (await Email.findAll({ where: { clientId: ids } })).every((e) => e.attempts >= 1 && e.status === 'queued' && e.error), { what: 'the first failed attempts' });

    smtp = await startSmtpServer({ port });
    await waitFor(allSent, { what: 'the retries to go through' });
    expect(smtp.countsByRecipient()).toEqual({ 'billing1@down.example': 1, 'billing2@down.example': 1, 'billing3@down.example': 1 });
    expect((await Email.findAll({ where: { clientId: ids } })).map((e) => e.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('records a refused recipient as failed without blocking the other mails', async () => {
    smtp = await startSmtpServer({ reject: ['nobody@bounce.example'] });
    useSmtp(smtp.url);
    const bad = await buildClient({ billingEmail: 'nobody@bounce.example' });
    const good = await buildClient({ billingEmail: 'billing@fine.example' });
    for (const client of [bad, good]) {
      await getDb().transaction(async (transaction) => {
        const invoice = await createInvoice({ clientId: client.id, type: 'setup', lines: [{ description: 'Setup', quantity: 1, unitAmount: '1500.00' }] }, transaction);
        await notifyInvoiceCreated({ invoiceId: invoice.id }, transaction);
      });
    }
    await waitFor(allSent, { what: 'both mails to be settled' });
    const refused = await Email.findOne({ where: { clientId: bad.id } });
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(refused!.error).toMatch(/550|nobody@bounce\.example/);
    expect(await Email.findOne({ where: { clientId: good.id } })).toMatchObject({ status: 'sent', error: null });
    expect(smtp.countsByRecipient()).toEqual({ 'billing@fine.example': 1 });
  });
});
