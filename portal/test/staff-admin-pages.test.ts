import { http, HttpResponse } from 'msw';
import { AuditLogEntry, PortalSettings, WebhookDelivery, WebhookSubscription } from '~/models/index.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { serveHandlers } from './helpers/http-fake';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';
import { waitFor } from './helpers/wait';

let portal: PortalProcess;
let receiver: Awaited<ReturnType<typeof serveHandlers>>;
const received: string[] = [];
beforeAll(async () => {
  receiver = await serveHandlers((url) => [
    http.post(`${url}/hook`, async ({ request }) => {
      received.push(await request.text());
      return new HttpResponse(null, { status: 204 });
    }),
  ]);
  portal = await startPortal({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await portal?.stop();
  await receiver?.close();
});

async function signedInStaff() {
  const staff = await buildUser({ role: 'staff' });
  const browser = new Browser(portal.url);
  await browser.post('/login', { email: staff.email, password: TEST_PASSWORD });
  return { staff, browser };
}

describe('staff webhooks', () => {
  it('creates a subscription with its secret shown once, and retries a failed delivery until it arrives', async () => {
    const { browser } = await signedInStaff();
    await browser.get('/staff/webhooks');
    const created = await browser.request('/staff/webhooks', {
      method: 'POST',
      headers: { Origin: portal.url },
      body: new URLSearchParams([['_csrf', await csrfOf(browser, '/staff/webhooks')], ['targetUrl', `${receiver.url}/hook`], ['events', 'invoice.paid'], ['events', 'ticket.created'], ['description', 'Ops n8n']]),
    });
    expect(created.status).toBe(200);
    const html = await created.text();
    const secret = /whsec_[A-Za-z0-9_-]+/.exec(html)?.[0];
    expect(secret).toBeDefined();
    const subscription = (await WebhookSubscription.findOne({ where: { description: 'Ops n8n' } }))!;
    expect(subscription.events).toEqual(['invoice.paid', 'ticket.created']);
    expect(await (await browser.get(`/staff/webhooks/${subscription.id}`)).text()).not.toContain(secret);

    const delivery = await WebhookDelivery.create({ subscriptionId: subscription.id, event: 'invoice.paid', payload: { id: 'evt-1', event: 'invoice.paid', createdAt: new Date().toISOString(), data: { invoice: { number: 'INV-1' } } }, status: 'failed', attempts: 5, lastStatusCode: 503, lastError: 'HTTP 503', deliveredAt: null });
    const failedList = await (await browser.get(`/staff/webhooks/${subscription.id}?status=failed`)).text();
    expect(failedList).toContain('HTTP 503');
    const retried = await browser.post(`/staff/webhooks/${subscription.id}?status=failed`, { intent: 'retry', deliveryId: delivery.id });
    expect(retried.status).toBe(302);
    await waitFor(async () => (await delivery.reload()).status === 'delivered', { what: 'the retried delivery to arrive' });
    expect(received.some((body) => body.includes('INV-1'))).toBe(true);
    expect(await AuditLogEntry.count({ where: { action: 'webhook.delivery_retry', targetId: delivery.id } })).toBe(1);
  });

  it('edits the URL and events, and deletes only after confirmation', async () => {
    const { browser } = await signedInStaff();
    const subscription = await WebhookSubscription.create({ targetUrl: 'https://old.example/hook', events: ['ticket.created'], secretEncrypted: 'x', clientId: null, createdById: null, description: 'Old' });
    await browser.get(`/staff/webhooks/${subscription.id}`);
    const saved = await browser.request(`/staff/webhooks/${subscription.id}`, {
      method: 'POST',
      headers: { Origin: portal.url },
      body: new URLSearchParams([['_csrf', await csrfOf(browser, `/staff/webhooks/${subscription.id}`)], ['intent', 'save'], ['targetUrl', 'https://new.example/hook'], ['events', 'invoice.created'], ['description', 'New']]),
    });
    expect(saved.status).toBe(302);
    await subscription.reload();
    expect(subscription).toMatchObject({ targetUrl: 'https://new.example/hook', events: ['invoice.created'], description: 'New' });

    expect(await (await browser.post(`/staff/webhooks/${subscription.id}`, { intent: 'delete' })).text()).toContain('Delete this subscription?');
    expect(await WebhookSubscription.findByPk(subscription.id)).not.toBeNull();
    const deleted = await browser.post(`/staff/webhooks/${subscription.id}`, { intent: 'delete', confirmed: 'yes' });
    expect(deleted.headers.get('location')).toBe('/staff/webhooks?done=deleted');
    expect(await WebhookSubscription.findByPk(subscription.id)).toBeNull();
  });
});

describe('staff settings and audit log pages', () => {
  it('saves the settings form, and names the field of a bad value without saving anything', async () => {
    const { browser } = await signedInStaff();
    const page = await (await browser.get('/staff/settings')).text();
    expect(page).toContain('*/15 * * * *');
    const settings = (await PortalSettings.findByPk(1))!;
    const form = {
      companyName: 'Brightloop Automation', supportEmail: 'help@brightloop.example', brandColor: '#0ea5e9', logoUrl: '', invoicePrefix: 'BL', paymentTermsDays: '30',
      reminderDaysBefore: '3', reminderRepeatDays: '7', alertThrottleMinutes: '60', alertRecipients: 'ops@brightloop.example\nlena@brightloop.example',
      reconcileCron: settings.reconcileCron, remindersCron: settings.remindersCron, healthCron: settings.healthCron, healthSuccessRateThreshold: '80',
      healthWindowHours: '24', healthMinRuns: '5', healthStuckMinutes: '60', healthNoRunsDays: '7',
    };
    const bad = await browser.post('/staff/settings', { ...form, reconcileCron: 'every five minutes' });
    expect(bad.status).toBe(400);
    // the field is marked and keeps what was typed
    expect(await bad.text()).toMatch(/id="field-reconcileCron" name="reconcileCron" aria-invalid="true"[^>]*value="every five minutes"/);
    expect((await PortalSettings.findByPk(1))!.companyName).not.toBe('Brightloop Automation');

    expect((await browser.post('/staff/settings', form)).status).toBe(302);
    const saved = (await PortalSettings.findByPk(1))!;
    expect(saved).toMatchObject({ companyName: 'Brightloop Automation', paymentTermsDays: 30, alertRecipients: ['ops@brightloop.example', 'lena@brightloop.example'], logoUrl: null });
  });

  it('filters the audit log by actor, action and client, and shows the metadata', async () => {
    const client = await buildClient({ companyName: 'Globex' });
    const { staff, browser } = await signedInStaff();
    await AuditLogEntry.create({ actorId: staff.id, actorLabel: staff.email, action: 'invoice.mark_paid', targetType: 'invoice', targetId: 'inv-1', clientId: client.id, ip: null, metadata: { number: 'INV-2026-0077' } });
    await AuditLogEntry.create({ actorId: null, actorLabel: 'someone@else.example', action: 'auth.sign_in_failed', targetType: null, targetId: null, clientId: null, ip: null, metadata: {} });

    const byClient = await (await browser.get(`/staff/audit?client=${client.id}`)).text();
    expect(byClient).toContain('INV-2026-0077');
    expect(byClient).not.toContain('someone@else.example');
    const byAction = await (await browser.get('/staff/audit?action=auth.')).text();
    expect(byAction).toContain('someone@else.example');
    expect(byAction).not.toContain('INV-2026-0077');
    const byActor = await (await browser.get(`/staff/audit?actor=${staff.id}&action=invoice.`)).text();
    expect(byActor).toContain('INV-2026-0077');
    const today = new Date().toISOString().slice(0, 10);
    expect(await (await browser.get(`/staff/audit?from=${today}&to=${today}&client=${client.id}`)).text()).toContain('INV-2026-0077');
    expect(await (await browser.get(`/staff/audit?to=2020-01-01&client=${client.id}`)).text()).not.toContain('INV-2026-0077');
    expect((await browser.get('/staff/audit?from=yesterday')).status).toBe(400);
  });

  it('is a 404 for client users', async () => {
    const user = await buildUser({ client: await buildClient() });
    const browser = new Browser(portal.url);
    await browser.post('/login', { email: user.email, password: TEST_PASSWORD });
    for (const path of ['/staff/users', '/staff/settings', '/staff/tokens', '/staff/webhooks', '/staff/audit', '/staff/account']) expect((await browser.get(path)).status).toBe(404);
  });
});

/** The form token of a page (for posts with repeated fields, which Browser.post cannot send). */
async function csrfOf(browser: Browser, path: string): Promise<string> {
  const html = await (await browser.get(path)).text();
  return /name="_csrf" value="([^"]*)"/.exec(html)![1]!;
}
