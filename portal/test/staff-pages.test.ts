import { QueryTypes } from 'sequelize';
import { callerFromSession } from '~/lib/caller.server';
import { AuditLogEntry, Client, Email, getDb, Invoice, SupportTicket, User } from '~/models/index.server';
import { sendWelcomeEmails } from '~/services/client-welcome.server';
import { setClientsStatus } from '~/services/clients.server';
import { createInvoice } from '~/services/invoices.server';
import { payInvoices, previewPlanInvoice, sendInvoiceReminderNow } from '~/services/invoice-staff-actions.server';
import { DEMO_STAFF } from '~/services/sample-data/catalog';
import { loadSampleData } from '~/services/sample-data/load.server';
import { getStaffDashboard } from '~/services/staff-dashboard.server';
import { resolveTickets } from '~/services/ticket-bulk.server';
import { buildClient, buildUser } from './factories';
import { startTestJobs } from './helpers/jobs';

const staffCaller = (user: User) => callerFromSession({ user, client: null });
const sql = <T extends object>(query: string) => getDb().query<T>(query, { type: QueryTypes.SELECT });

describe('staff dashboard over the demo data', () => {
  it('shows the MRR, the outstanding total and the open tickets that a direct computation gives', async () => {
    await loadSampleData();
    const staff = (await User.findOne({ where: { email: DEMO_STAFF.email } }))!;
    const dashboard = await getStaffDashboard({ caller: staffCaller(staff), runDays: 30 });

    // MRR: active clients that had started by now; a yearly fee counts as a twelfth (rounded per client)
    const mrr = await sql<{ currency: string; cents: string }>(
      `SELECT currency, sum(CASE WHEN billing_cycle = 'yearly' THEN round(monthly_fee * 100 / 12) ELSE monthly_fee * 100 END)::bigint::text AS cents
         FROM clients WHERE status = 'active' AND created_at <= now() AND (churned_at IS NULL OR churned_at > now()) GROUP BY currency`,
    );
    expect(mrr.length).toBeGreaterThan(0);
    expect(Object.fromEntries(dashboard.mrr.current.map((m) => [m.currency, m.amount]))).toEqual(Object.fromEntries(mrr.map((m) => [m.currency, (Number(m.cents) / 100).toFixed(2)])));

    const outstanding = await sql<{ currency: string; total: string; overdue: string }>(
      `SELECT currency, sum(amount)::numeric(14,2)::text AS total,
              coalesce(sum(amount) FILTER (WHERE status = 'overdue' OR due_date < (now() AT TIME ZONE 'UTC')::date), 0)::numeric(14,2)::text AS overdue
         FROM invoices WHERE status IN ('pending', 'overdue') GROUP BY currency`,
    );
    expect(outstanding.length).toBeGreaterThan(0);
    expect(dashboard.outstanding.map((o) => [o.currency, o.amountDue, o.overdueAmount]).sort()).toEqual(outstanding.map((o) => [o.currency, o.total, o.overdue]).sort());

    const [open] = await sql<{ count: string }>(`SELECT count(*)::text AS count FROM support_tickets WHERE status IN ('open', 'in_progress')`);
    expect(Number(open!.count)).toBeGreaterThan(0);
    expect(Object.values(dashboard.openTickets).reduce((sum, n) => sum + n, 0)).toBe(Number(open!.count));
  }, 300_000); // loading the demo agency takes a while on a loaded machine
});

describe('staff bulk and invoice actions', () => {
  let staff: User;
  beforeAll(async () => {
    await startTestJobs();
    staff = await buildUser({ role: 'staff', name: 'Sam Staff' });
  });

  it('marks clients churned and back, skipping those already there, and audits each change', async () => {
    const a = await buildClient({ companyName: 'Alpha' });
    const b = await buildClient({ companyName: 'Beta', status: 'churned', churnedAt: new Date('2026-01-01T00:00:00Z') });
    const churned = await setClientsStatus({ caller: staffCaller(staff), ids: [a.id, b.id], status: 'churned' });
    expect(churned).toEqual({ changed: [a.id], skipped: [b.id] });
    await a.reload();
    expect(a.status).toBe('churned');
    expect(a.churnedAt).not.toBeNull();
    const back = await setClientsStatus({ caller: staffCaller(staff), ids: [a.id, b.id], status: 'active' });
    expect(back.changed.sort()).toEqual([a.id, b.id].sort());
    expect((await Client.findByPk(b.id))!.churnedAt).toBeNull();
    expect(await AuditLogEntry.count({ where: { action: 'client.update', clientId: a.id } })).toBe(2);
    expect(await AuditLogEntry.count({ where: { action: 'client.bulk_status' } })).toBe(2);
  });

  it('queues the welcome email to each client contact, skipping churned clients', async () => {
    const a = await buildClient({ companyName: 'Welcome Co', contactName: 'Wanda', email: 'wanda@welcome.example', plan: 'Starter' });
    const gone = await buildClient({ companyName: 'Gone Co', status: 'churned', churnedAt: new Date() });
    const outcome = await sendWelcomeEmails({ caller: staffCaller(staff), ids: [a.id, gone.id] });
    expect(outcome).toEqual({ changed: [a.id], skipped: [gone.id] });
    const mails = await Email.findAll({ where: { template: 'client-welcome' } });
    expect(mails.map((mail) => mail.toAddresses)).toEqual([['wanda@welcome.example']]);
    expect(mails[0]!.text).toContain('Hello Wanda,');
    expect(await AuditLogEntry.count({ where: { action: 'client.welcome_email', clientId: a.id } })).toBe(1);
  });

  it('pre-fills a monthly invoice from the plan, marks invoices paid in bulk and sends a reminder now', async () => {
    const client = await buildClient({ companyName: 'Plan Co', plan: 'Growth', monthlyFee: '1490.00', billingEmail: 'ap@plan.example' });
    const preview = await previewPlanInvoice({ caller: staffCaller(staff), clientId: client.id, issueDate: '2026-11-25' });
    expect(preview.lines).toEqual([{ description: expect.stringContaining('Growth plan — monthly fee'), quantity: 1, unitAmount: '1490.00' }]);
    expect(preview.period).toEqual({ start: '2026-11-01', end: '2026-11-30' });

    const line = [{ description: 'Work', quantity: 1, unitAmount: '100.00' }];
    const open = await createInvoice({ clientId: client.id, type: 'additional', lines: line });
    const paid = await createInvoice({ clientId: client.id, type: 'additional', lines: line });
    await paid.update({ status: 'paid', paidAt: new Date(), paymentMethod: 'card' });
    const outcome = await payInvoices({ caller: staffCaller(staff), ids: [open.id, paid.id], input: { method: 'bank_transfer' } });
    expect(outcome).toEqual({ changed: [open.id], skipped: [paid.id] });
    expect((await Invoice.findByPk(open.id))!).toMatchObject({ status: 'paid', paymentMethod: 'bank_transfer' });
    expect(await AuditLogEntry.count({ where: { action: 'invoice.pay', targetId: open.id } })).toBe(1);

    const due = await createInvoice({ clientId: client.id, type: 'additional', lines: line, issueDate: '2026-01-01', dueDate: '2026-01-15' });
    expect(await sendInvoiceReminderNow({ caller: staffCaller(staff), id: due.id })).toEqual({ to: ['ap@plan.example'] });
    const reminder = await Email.findOne({ where: { template: 'invoice-reminder-overdue' } });
    expect(reminder!.subject).toContain(`Overdue: invoice ${due.number}`);
    await expect(sendInvoiceReminderNow({ caller: staffCaller(staff), id: open.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('resolves tickets in bulk, skipping resolved ones', async () => {
    const client = await buildClient();
    const make = (subject: string, status: 'open' | 'resolved') =>
      SupportTicket.create({ clientId: client.id, subject, description: 'x', priority: 'medium', status, createdById: null, assigneeId: null, workflowId: null, resolvedAt: status === 'resolved' ? new Date() : null });
    const open = await make('Open one', 'open');
    const done = await make('Done one', 'resolved');
    const outcome = await resolveTickets({ caller: staffCaller(staff), ids: [open.id, done.id] });
    expect(outcome).toEqual({ changed: [open.id], skipped: [done.id] });
    expect((await SupportTicket.findByPk(open.id))!.status).toBe('resolved');
    expect(await AuditLogEntry.count({ where: { action: 'ticket.bulk_resolve' } })).toBe(1);
    // each resolve tells the client, exactly as a single one does
    expect((await Email.findAll({ where: { template: 'ticket-resolved' } })).map((mail) => mail.toAddresses)).toEqual([[client.email]]);
  });
});
