import { CSRF_FIELD } from '~/lib/csrf';
import { ApiCredential, TicketComment, type Client, type User } from '~/models/index.server';
import { buildClient, buildTicket, buildUser, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

// The client pages through real HTTP (no JavaScript): what the server sends is what a user or an attacker
// reading the HTML source or the loader data would see.

let portal: PortalProcess;
let clientA: Client;
let userA: User;
beforeAll(async () => {
  portal = await startPortal();
  clientA = await buildClient({ companyName: 'Acme' });
  userA = await buildUser({ client: clientA, name: 'Alice' });
});
afterAll(async () => {
  await portal?.stop();
});

async function signedIn(email: string, password = TEST_PASSWORD) {
  const browser = new Browser(portal.url);
  const response = await browser.post('/login', { email, password });
  expect(response.status).toBe(302);
  return browser;
}

/** Posts a page form the way the browser would, with the session's form token from the page. */
async function submitForm(browser: Browser, path: string, form: Record<string, string> | [string, string][]) {
  const page = await (await browser.get(path)).text();
  const csrf = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(page)?.[1];
  const body = new URLSearchParams(form);
  if (csrf) body.set(CSRF_FIELD, csrf);
  return browser.request(path, { method: 'POST', body, headers: { Origin: portal.url } });
}

describe('credentials page', () => {
  const SECRET = 'pk_live_TOPSECRET_4242';

  it('never sends a submitted value back: not in the redirect, the page, or the loader data', async () => {
    const browser = await signedIn(userA.email);
    const response = await submitForm(browser, '/credentials', [
      ['intent', 'submit'],
      ['serviceName', 'Stripe'],
      ['credentialType', 'api_key'],
      ['fieldName', 'API key'],
      ['fieldValue', SECRET],
      ['fieldName', ''],
      ['fieldValue', ''],
    ]);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/credentials\?submitted=/);
    expect(await response.text()).not.toContain('TOPSECRET');

    const page = await browser.get(response.headers.get('location')!);
    const html = await page.text();
    expect(html).toContain('Stripe received');
    expect(html).toContain('••••4242');
    expect(html).not.toContain('TOPSECRET');
    const loaderData = await (await browser.get('/credentials.data')).text();
    expect(loaderData).toContain('••••4242');
    expect(loaderData).not.toContain('TOPSECRET');
    const stored = await ApiCredential.findOne({ where: { clientId: clientA.id, serviceName: 'Stripe' } });
    expect(stored!.submittedById).toBe(userA.id);
  });

  it('shows errors next to the fields and keeps the names, but not the values', async () => {
    const browser = await signedIn(userA.email);
    const response = await submitForm(browser, '/credentials', [
      ['intent', 'submit'],
      ['serviceName', ''],
      ['credentialType', 'basic_auth'],
      ['fieldName', 'Username'],
      ['fieldValue', 'ops@acme.example'],
      ['fieldName', 'Password'],
      ['fieldValue', SECRET],
    ]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter the name of the service');
    expect(html).toContain('value="Password"');
    expect(html).not.toContain('TOPSECRET');
    expect(html).not.toContain('ops@acme.example');
  });

  it('refuses two values with the same name instead of silently keeping one', async () => {
    const browser = await signedIn(userA.email);
    const before = await ApiCredential.count();
    const response = await submitForm(browser, '/credentials', [
      ['intent', 'submit'],
      ['serviceName', 'Twilio'],
      ['credentialType', 'other'],
      ['fieldName', 'token'],
      ['fieldValue', 'first-value-1'],
      ['fieldName', 'token'],
      ['fieldValue', 'second-value-2'],
    ]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Give each value a different name');
    expect(await ApiCredential.count()).toBe(before);
  });
});

describe('ticket pages', () => {
  it('answers 404 for another client’s ticket and for a malformed id', async () => {
    const other = await buildTicket({ client: await buildClient(), subject: 'Birch private matter' });
    const browser = await signedIn(userA.email);
    const page = await browser.get(`/tickets/${other.id}`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('Page not found');
    expect(html).not.toContain('Birch private matter');
    expect((await browser.get('/tickets/not-a-ticket')).status).toBe(404);
    const reply = await submitForm(browser, `/tickets/${other.id}`, { intent: 'reply', body: 'Hello?' });
    expect(reply.status).toBe(404);
    expect(await TicketComment.count({ where: { ticketId: other.id } })).toBe(0);
  });

  it('keeps internal notes out of the page and its loader data', async () => {
    const ticket = await buildTicket({ client: clientA, createdBy: userA });
    const staff = await buildUser({ role: 'staff' });
    await TicketComment.create({ ticketId: ticket.id, authorId: staff.id, body: 'INTERNAL ONLY: client forgot to pay', internal: true });
    await TicketComment.create({ ticketId: ticket.id, authorId: staff.id, body: 'We are on it.', internal: false });
    const browser = await signedIn(userA.email);
    const html = await (await browser.get(`/tickets/${ticket.id}`)).text();
    expect(html).toContain('We are on it.');
    expect(html).not.toContain('INTERNAL ONLY');
    const loaderData = await (await browser.get(`/tickets/${ticket.id}.data`)).text();
    expect(loaderData).toContain('We are on it.');
    expect(loaderData).not.toContain('INTERNAL ONLY');
  });

  it('keeps what was typed and names the problem when a new ticket is incomplete', async () => {
    const browser = await signedIn(userA.email);
    const response = await submitForm(browser, '/tickets/new', { subject: 'Reports are late', description: '', priority: 'high' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Describe the problem');
    expect(html).toContain('value="Reports are late"');
    expect(html).toMatch(/<option value="high" selected="">/);
  });
});

describe('account page', () => {
  it('changes the password: this session continues, other sessions end, only the new password signs in', async () => {
    const user = await buildUser({ client: clientA, email: 'carol@acme.example' });
    const elsewhere = await signedIn(user.email);
    const browser = await signedIn(user.email);

    const wrong = await submitForm(browser, '/account', { currentPassword: 'not it at all', newPassword: 'a-brand-new-passphrase', confirmPassword: 'a-brand-new-passphrase' });
    expect([wrong.status, (await wrong.text()).includes('This is not your current password')]).toEqual([400, true]);
    const mismatch = await submitForm(browser, '/account', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-passphrase', confirmPassword: 'a-brand-new-passphrase!' });
    expect((await mismatch.text()).includes('The two new passwords do not match')).toBe(true);
    const email = await submitForm(browser, '/account', { currentPassword: TEST_PASSWORD, newPassword: 'carol@acme.example', confirmPassword: 'carol@acme.example' });
    expect((await email.text()).includes('The password must not be your email address')).toBe(true);

    const changed = await submitForm(browser, '/account', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-passphrase', confirmPassword: 'a-brand-new-passphrase' });
    expect([changed.status, changed.headers.get('location')]).toEqual([302, '/account?password=changed']);
    const after = await browser.get('/account?password=changed');
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Your password was changed');
    expect((await elsewhere.get('/account')).headers.get('location')).toBe('/login?redirectTo=%2Faccount');

    expect((await new Browser(portal.url).post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(400);
    expect((await new Browser(portal.url).post('/login', { email: user.email, password: 'a-brand-new-passphrase' })).status).toBe(302);
  });

  it('shows the members of the client to its owner only', async () => {
    const owner = await buildUser({ client: clientA, memberRole: 'owner', email: 'owner@acme.example' });
    const ownerPage = await (await (await signedIn(owner.email)).get('/account')).text();
    expect(ownerPage).toContain('People at Acme');
    expect(ownerPage).toContain(userA.email);
    const memberPage = await (await (await signedIn(userA.email)).get('/account')).text();
    expect(memberPage).not.toContain('People at Acme');
    expect(memberPage).not.toContain('owner@acme.example');
  });
});
