import type { Browser, Page } from 'playwright-core';
import { AuditLogEntry, Client, Email, Invoice, SupportTicket, User } from '~/models/index.server';
import { createCredential } from '~/services/credentials.server';
import { DEMO_STAFF } from '~/services/sample-data/catalog';
import { loadSampleData } from '~/services/sample-data/load.server';
import { buildClient, buildUser } from '../factories';
import { launchBrowser, screenshot, signInAs } from '../helpers/browser';
import { startPortal, type PortalProcess } from '../helpers/portal-process';
import { waitFor } from '../helpers/wait';

let portal: PortalProcess;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  // the demo agency makes the dashboard worth looking at (and its screenshot the README's)
  await loadSampleData();
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInAs({ page, baseUrl: portal.url, email: DEMO_STAFF.email, password: DEMO_STAFF.password });
  // loading the demo agency takes a while on a loaded machine
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const dialog = () => page.getByTestId('confirm-dialog');

/** The mail of a template to one address, once the portal's email job has filed it in the outbox (no SMTP_URL in tests). */
const outboxMail = ({ template, to }: { template: string; to: string }) =>
  waitFor(async () => (await Email.findAll({ where: { template, status: 'outbox' } })).find((mail) => mail.toAddresses.includes(to)), { what: `the ${template} mail to ${to}` });

describe('the staff area', () => {
  it('shows the dashboard with its figures', async () => {
    await page.goto(`${portal.url}/staff`);
    await heading('Dashboard').waitFor();
    const openTickets = await SupportTicket.count({ where: { status: ['open', 'in_progress'] } });
    expect(await page.getByTestId('open-tickets-total').getAttribute('data-value')).toBe(String(openTickets));
    await screenshot(page, 'staff-dashboard');
  });

  it('creates a client from the form, with errors next to the fields first, then invites its first user', async () => {
    await page.goto(`${portal.url}/staff/clients/new`);
    await heading('New client').waitFor();
    await page.getByLabel('Company name').fill('Initech Systems');
    await page.getByLabel('Contact email').fill('not-an-email');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByText('Please correct the fields marked below.').waitFor();
    await page.getByLabel('Contact email').fill('peter@initech.example');
    await page.getByLabel('Plan', { exact: true }).fill('Growth');
    await page.getByLabel('Fee per cycle').fill('1290.00');
    await page.getByRole('button', { name: 'Create client' }).click();
    await heading('Initech Systems').waitFor();
    const client = await Client.findOne({ where: { slug: 'initech-systems' } });
    expect(client).toMatchObject({ email: 'peter@initech.example', monthlyFee: '1290.00', plan: 'Growth' });
    expect(await AuditLogEntry.count({ where: { action: 'client.create', clientId: client!.id } })).toBe(1);

    // its first portal user, invited by email to choose a password
    await page.goto(`${portal.url}/staff/users/new`);
    await heading('Add a user').waitFor();
    await page.getByLabel('Email', { exact: true }).fill('peter@initech.example');
    await page.getByLabel('Name', { exact: true }).fill('Peter Gibbons');
    await page.getByLabel('Client (client users)').selectOption({ label: 'Initech Systems' });
    await page.getByRole('button', { name: 'Add user' }).click();
    await heading('Peter Gibbons').waitFor();
    const peter = await User.findOne({ where: { email: 'peter@initech.example' }, include: [{ association: 'membership' }] });
    expect([peter?.role, peter?.membership?.clientId]).toEqual(['client', client!.id]);
    expect((await outboxMail({ template: 'user-invite', to: 'peter@initech.example' })).subject).toContain('invited');
  });

  it('issues a monthly invoice pre-filled from the plan, then marks it paid after confirming', async () => {
    const client = (await Client.findOne({ where: { slug: 'initech-systems' } }))!;
    await page.goto(`${portal.url}/staff/invoices/new`);
    await heading('New invoice').waitFor();
    await page.getByLabel('Client').selectOption(client.id);
    await page.getByLabel('Type').selectOption('monthly');
    await page.getByRole('button', { name: 'Continue' }).click();
    const firstLine = page.getByLabel('Line 1 description');
    await firstLine.waitFor();
    expect(await firstLine.inputValue()).toContain('Growth plan — monthly fee');
    expect(await page.getByLabel('Line 1 unit amount').inputValue()).toBe('1290.00');
    await page.getByLabel('Line 2 description').fill('Onboarding workshop');
    await page.getByLabel('Line 2 quantity').fill('2');
    await page.getByLabel('Line 2 unit amount').fill('150.00');
    await page.getByRole('button', { name: 'Issue invoice' }).click();

    await page.getByText('Invoice issued').waitFor();
    const invoice = (await Invoice.findOne({ where: { clientId: client.id } }))!;
    expect(invoice.amount).toBe('1590.00');
    await heading(invoice.number).waitFor();
    expect(invoice.number).toMatch(/\d{4}-\d{4}$/);
    expect((await outboxMail({ template: 'invoice-created', to: 'peter@initech.example' })).subject).toContain(invoice.number);

    await page.getByRole('button', { name: 'Mark paid' }).click();
    await dialog().waitFor();
    await dialog().getByRole('button', { name: 'Mark paid' }).click();
    await page.getByText('Marked paid.').waitFor();
    await invoice.reload();
    expect(invoice.status).toBe('paid');
    expect(await AuditLogEntry.count({ where: { action: 'invoice.pay', targetId: invoice.id } })).toBe(1);
  });

  it('resolves a ticket from the queue with the bulk action, after confirming', async () => {
    const client = await buildClient({ companyName: 'Umbrella Corp' });
    const reporter = await buildUser({ client, email: 'alice@umbrella.example', name: 'Alice' });
    const ticket = await SupportTicket.create({ clientId: client.id, subject: 'Label printing stopped', description: 'Since this morning', priority: 'urgent', status: 'open', createdById: reporter.id, assigneeId: null, workflowId: null, resolvedAt: null });
    await page.goto(`${portal.url}/staff/tickets?client=${client.id}`);
    await heading('Tickets').waitFor();
    await page.getByLabel(`Select #${ticket.number}`).check();
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('confirm-items').innerText()).toContain('Label printing stopped');
    await dialog().getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('1 ticket resolved').waitFor();
    expect((await SupportTicket.findByPk(ticket.id))!.status).toBe('resolved');
    expect((await outboxMail({ template: 'ticket-resolved', to: 'alice@umbrella.example' })).subject).toContain(`#${ticket.number}`);
    expect(await AuditLogEntry.count({ where: { action: 'ticket.bulk_resolve' } })).toBe(1);
  });

  it('reveals a credential only with the staff password, and audits the attempts', async () => {
    const client = await buildClient({ companyName: 'Hooli' });
    const credential = await createCredential({ clientId: client.id, serviceName: 'Stripe', credentialType: 'api_key', fields: { apiKey: 'sk_live_hooli_123456' } });
    const staff = (await User.findOne({ where: { email: DEMO_STAFF.email } }))!;
    await page.goto(`${portal.url}/staff/credentials/${credential.id}`);
    await heading('Stripe').waitFor();
    expect(await page.content()).not.toContain('sk_live_hooli_123456');
    await page.getByLabel('Your password').fill('wrong-password');
    await page.getByRole('button', { name: 'Reveal values' }).click();
    await page.getByText('not your current password').waitFor();
    expect(await AuditLogEntry.count({ where: { action: 'credential.reveal_denied', targetId: credential.id } })).toBe(1);

    await page.getByLabel('Your password').fill(DEMO_STAFF.password);
    await page.getByRole('button', { name: 'Reveal values' }).click();
    await page.getByTestId('revealed-values').waitFor();
    expect(await page.getByTestId('revealed-values').innerText()).toContain('sk_live_hooli_123456');
    const entries = await AuditLogEntry.findAll({ where: { action: 'credential.reveal', targetId: credential.id } });
    expect(entries.map((entry) => entry.actorId)).toEqual([staff.id]);
  });

  it('asks before marking clients churned, and changes nothing on cancel', async () => {
    const client = await buildClient({ companyName: 'Vandelay Industries' });
    await page.goto(`${portal.url}/staff/clients?search=Vandelay`);
    await heading('Clients').waitFor();
    await page.getByLabel('Select Vandelay Industries').check();
    await page.getByRole('button', { name: 'Mark churned' }).click();
    await dialog().waitFor();
    await dialog().getByRole('link', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect((await Client.findByPk(client.id))!.status).toBe('active');

    await page.getByLabel('Select Vandelay Industries').check();
    await page.getByRole('button', { name: 'Mark churned' }).click();
    await dialog().getByRole('button', { name: 'Mark churned' }).click();
    await page.getByText('1 client marked churned.').waitFor();
    expect((await Client.findByPk(client.id))!.status).toBe('churned');
  });
});
