import type { Browser, Page } from 'playwright-core';
import type { Client, User } from '~/models/index.server';
import { Op } from 'sequelize';
import { ApiCredential, Email, SupportTicket } from '~/models/index.server';
import { buildClient, buildTicket, buildUser, buildWorkflow, TEST_PASSWORD } from '../factories';
import { launchBrowser, screenshot, signInAs } from '../helpers/browser';
import { startPortal, type PortalProcess } from '../helpers/portal-process';

let portal: PortalProcess;
let browser: Browser;
let clientA: Client;
let userA: User;
beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  clientA = await buildClient({ companyName: 'Acme Logistics' });
  userA = await buildUser({ client: clientA, name: 'Maria Jensen', email: 'maria@acme.example', memberRole: 'owner' });
  await buildWorkflow({ client: clientA, name: 'Invoice OCR → Xero' });
  // without alert recipients in the settings, staff alerts go to the active staff users
  await buildUser({ role: 'staff', email: 'sam@agency.example' });
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function pageOf(user: User): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAs({ page, baseUrl: portal.url, email: user.email, password: TEST_PASSWORD });
  return page;
}

describe('support tickets in the browser', () => {
  it('opens a ticket that then appears in the list, and follows the conversation to resolved', async () => {
    const page = await pageOf(userA);
    await page.getByRole('link', { name: 'Support tickets' }).click();
    await page.getByRole('heading', { name: 'Support tickets' }).waitFor();
    await page.getByText('No tickets yet').waitFor();
    await page.getByRole('link', { name: 'New ticket' }).click();

    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.getByText('Enter a subject').waitFor();
    await page.getByLabel('Subject').fill('Supplier invoices stopped arriving in Xero');
    await page.getByLabel('Priority').selectOption('urgent');
    await page.getByLabel('Automation (optional)').selectOption({ label: 'Invoice OCR → Xero' });
    await page.getByLabel('Description').fill('Since this morning none of the scanned invoices show up in Xero.');
    await screenshot(page, 'ticket-new');
    await Promise.all([page.waitForURL(/\/tickets\/[0-9a-f-]{36}\?created=1$/), page.getByRole('button', { name: 'Open ticket' }).click()]);
    await page.getByText(/Ticket #\d+ is open/).first().waitFor();
    // the confirmation for Maria and the client's contact, the alert for the agency's recipients
    const ticketId = new URL(page.url()).pathname.split('/').at(-1)!;
    const number = (await SupportTicket.findByPk(ticketId))!.number;
    const mails = await Email.findAll({ where: { clientId: clientA.id, subject: { [Op.like]: `%#${number}%` } } });
    const sent = mails.flatMap((mail) => mail.toAddresses.map((to) => `${mail.template} ${to}`)).sort();
    expect(sent).toEqual([`ticket-created ${clientA.email}`, 'ticket-created maria@acme.example', 'ticket-created-staff sam@agency.example'].sort());

    await page.getByLabel('Your message').fill('It is also missing the credit notes.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('It is also missing the credit notes.').waitFor();
    expect(await page.getByLabel('Your message').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Mark as resolved' }).click();
    await page.getByRole('button', { name: 'Reopen ticket' }).waitFor();
    expect(await page.getByTestId('ticket-status').textContent()).toBe('Resolved');
    const history = await page.getByTestId('ticket-history-entry').allTextContents();
    expect(history.map((h) => h.split('Maria Jensen')[0])).toEqual(['Ticket opened', 'Marked as resolved']);
    await screenshot(page, 'ticket-detail');

    await page.getByRole('link', { name: '← All tickets' }).click();
    const row = page.getByRole('row', { name: /Supplier invoices stopped arriving in Xero/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Urgent');
    expect(await row.textContent()).toContain('Resolved');
    await screenshot(page, 'tickets-list');
    await page.close();
  });

  it("shows client A the 404 page for client B's ticket", async () => {
    const ticketOfB = await buildTicket({ client: await buildClient({ companyName: 'Birch Dental' }), subject: 'Birch reminder texts' });
    const page = await pageOf(userA);
    const response = await page.goto(`${portal.url}/tickets/${ticketOfB.id}`);
    expect(response!.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.content()).not.toContain('Birch reminder texts');
    await screenshot(page, 'ticket-of-another-client');
    await page.close();
  });
});

describe('credentials in the browser', () => {
  it('submits a username and password; afterwards the list shows only the hint and the page source has no secret', async () => {
    const SECRET = 'Xq9-correct-horse-battery-7731';
    const page = await pageOf(userA);
    await page.goto(`${portal.url}/credentials`);
    await page.getByText('No credentials yet').waitFor();
    await page.getByLabel('Service').fill('Zendesk');
    await page.getByLabel('Type').selectOption('basic_auth');
    await page.getByLabel('Value of Username').fill('ops@acme.example');
    await page.getByLabel('Value of Password').fill(SECRET);
    expect(await page.getByLabel('Value of Password').getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: '+ Add another value' }).click();
    await page.getByLabel('Name of value 3').fill('Subdomain');
    await page.getByLabel('Value of Subdomain').fill('acme');
    await screenshot(page, 'credential-form');
    await Promise.all([page.waitForURL(/\/credentials\?submitted=/), page.getByRole('button', { name: 'Submit securely' }).click()]);

    await page.getByText('Zendesk received').waitFor();
    expect(await page.getByTestId('credential-hint').allTextContents()).toEqual(['••••7731']);
    expect(await page.getByLabel('Service').inputValue()).toBe('');
    const source = await page.content();
    expect(source).not.toContain(SECRET);
    expect(source).not.toContain('correct-horse');
    await page.reload();
    expect(await page.content()).not.toContain('correct-horse');
    await screenshot(page, 'credentials');

    const stored = await ApiCredential.findOne({ where: { clientId: clientA.id, serviceName: 'Zendesk' } });
    expect(stored!.hint).toBe('••••7731');
    await page.close();
  });
});

describe('account in the browser', () => {
  it('changes the password; the old one no longer signs in and the new one does', async () => {
    const user = await buildUser({ client: clientA, name: 'Tom Berg', email: 'tom@acme.example' });
    const page = await pageOf(user);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('tom@acme.example');
    await page.getByLabel('Repeat the new password').fill('tom@acme.example');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The password must not be your email address').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe(TEST_PASSWORD);

    await page.getByLabel('New password', { exact: true }).fill('lighthouse-orbit-42');
    await page.getByLabel('Repeat the new password').fill('lighthouse-orbit-42');
    await Promise.all([page.waitForURL(/password=changed/), page.getByRole('button', { name: 'Change password' }).click()]);
    await page.getByText('Your password was changed').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    await screenshot(page, 'account');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await signInAs({ page, baseUrl: portal.url, email: user.email, password: 'lighthouse-orbit-42' });
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('shows the owner the people of the client', async () => {
    const page = await pageOf(userA);
    await page.goto(`${portal.url}/account`);
    await page.getByRole('heading', { name: 'People at Acme Logistics' }).waitFor();
    expect(await page.getByRole('row', { name: /maria@acme\.example/ }).textContent()).toContain('Owner');
    await page.close();
  });
});
