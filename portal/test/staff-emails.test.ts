import { Email } from '~/models/index.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';
import { waitFor } from './helpers/wait';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await portal?.stop();
});

async function signedIn(role: 'staff' | 'client') {
  const user = role === 'staff' ? await buildUser({ role }) : await buildUser({ client: await buildClient() });
  const browser = new Browser(portal.url);
  await browser.post('/login', { email: user.email, password: TEST_PASSWORD });
  return browser;
}

const mail = (overrides: Partial<Parameters<typeof Email.create>[0]>) =>
  Email.create({ template: 'invoice-created', toAddresses: ['billing@acme.example'], subject: 'Invoice INV-2026-0001', html: '<p>Hello</p>', text: 'Hello', status: 'outbox', error: null, sentAt: null, clientId: null, ...overrides });

describe('the staff outbox (/staff/emails)', () => {
  it('lists mails with search and status filters', async () => {
    await mail({ subject: 'Invoice INV-2026-0042 from Brightloop', toAddresses: ['ap@northwind.example'] });
    await mail({ subject: '[#1001] We received your request', template: 'ticket-created', status: 'failed', error: '550 no such mailbox', toAddresses: ['nobody@bounce.example'] });
    const browser = await signedIn('staff');

    const all = await (await browser.get('/staff/emails')).text();
    expect(all).toContain('Invoice INV-2026-0042 from Brightloop');
    expect(all).toContain('[#1001] We received your request');
    const failed = await (await browser.get('/staff/emails?status=failed')).text();
    expect(failed).toContain('[#1001] We received your request');
    expect(failed).not.toContain('INV-2026-0042');
    const searched = await (await browser.get('/staff/emails?q=northwind')).text();
    expect(searched).toContain('INV-2026-0042');
    expect(searched).not.toContain('#1001');
  });

  it('shows a mail with its HTML in a sandboxed frame, never inline', async () => {
    const email = await mail({ subject: 'Escaping check', html: '<p>Hi</p><script>window.pwned = 1</script>', text: 'Hi <there>' });
    const browser = await signedIn('staff');
    const page = await browser.get(`/staff/emails/${email.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc="&lt;p&gt;Hi&lt;\/p&gt;&lt;script&gt;window.pwned = 1&lt;\/script&gt;"/i);
    expect(html).not.toContain('<script>window.pwned');
    expect(html).toContain('Hi &lt;there&gt;');
    expect((await browser.get('/staff/emails/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('sends a failed mail again', async () => {
    const email = await mail({ status: 'failed', error: 'connection refused', subject: 'Retry me' });
    const browser = await signedIn('staff');
    // the page carries the form token that the post sends back
    expect(await (await browser.get(`/staff/emails/${email.id}`)).text()).toContain('Send again');
    const response = await browser.post(`/staff/emails/${email.id}`, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Queued to be sent again.');
    // no SMTP_URL in this portal: its job queue files the mail in the outbox
    await waitFor(async () => (await email.reload()).status === 'outbox', { what: 'the mail to be filed' });
    expect(email.error).toBeNull();
  });

  it('is a 404 for client users', async () => {
    const browser = await signedIn('client');
    expect((await browser.get('/staff/emails')).status).toBe(404);
  });
});
