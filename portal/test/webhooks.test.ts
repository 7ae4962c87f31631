import { WEBHOOK_HEADERS, WEBHOOK_TOLERANCE_SECONDS, WebhookDeliveryBodySchema, webhookSignedContent } from '@monoliet/contract';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getDb, SupportTicket, WebhookDelivery, WebhookSubscription, type Client } from '~/models/index.server';
import { listDeadJobs, retryDeadJob } from '~/services/jobs.server';
import { sealSecret } from '~/services/secrets.server';
import { notifyTicketCreated } from '~/services/ticket-notifications.server';
import { retryWebhookDelivery } from '~/services/webhook-sending.server';
import { buildClient } from './factories';
import { isQueueIdle, startTestJobs } from './helpers/jobs';
import { waitFor } from './helpers/wait';

type Received = { url: string; headers: Headers; raw: string };

const received: Received[] = [];
let answer: (url: string) => number = () => 200;
const server = setupServer(
  http.post('https://hooks.example/:path', async ({ request }) => {
    received.push({ url: request.url, headers: request.headers, raw: await request.text() });
    return new HttpResponse(null, { status: answer(request.url) });
  }),
);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await startTestJobs({ retryLimit: 2 });
});
afterEach(async () => {
  // each test sets up its own subscriptions
  await WebhookSubscription.update({ isActive: false }, { where: {} });
  received.length = 0;
  answer = () => 200;
});
afterAll(async () => {
  server.close();
});

async function subscribe({ path, events, client = null, isActive = true }: { path: string; events: string[]; client?: Client | null; isActive?: boolean }) {
  const secret = `whsec_${path}_0123456789abcdef`;
  await WebhookSubscription.create({ targetUrl: `https://hooks.example/${path}`, events, secretEncrypted: sealSecret({ kind: 'webhookSecret', plaintext: secret }), clientId: client?.id ?? null, createdById: null, isActive });
  return secret;
}

async function openTicket(client: Client) {
  return getDb().transaction(async (transaction) => {
    const ticket = await SupportTicket.create({ clientId: client.id, createdById: null, assigneeId: null, workflowId: null, subject: 'Webhook me', resolvedAt: null }, { transaction });
    await notifyTicketCreated({ ticketId: ticket.id }, transaction);
    return ticket;
  });
}

/** What a receiver does: check the timestamp and the HMAC in constant time. */
function verify({ raw, header, secret }: { raw: string; header: string; secret: string }) {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const timestamp = Number(parts.t);
  const expected = createHmac('sha256', secret).update(webhookSignedContent({ timestamp, body: raw })).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return Math.abs(Date.now() / 1000 - timestamp) <= WEBHOOK_TOLERANCE_SECONDS && given.length === expected.length && timingSafeEqual(given, expected);
}

const settled = () => isQueueIdle('webhook');

describe('webhook deliveries', () => {
  it('delivers a signed event to the matching subscriptions only', async () => {
    const acme = await buildClient();
    const other = await buildClient();
    const staffSecret = await subscribe({ path: 'staff', events: ['ticket.created', 'invoice.created'] });
    const acmeSecret = await subscribe({ path: 'acme', events: ['ticket.created'], client: acme });
    await subscribe({ path: 'other-client', events: ['ticket.created'], client: other });
    await subscribe({ path: 'inactive', events: ['ticket.created'], isActive: false });
    await subscribe({ path: 'invoices-only', events: ['invoice.created'] });

    const ticket = await openTicket(acme);
    await waitFor(settled, { what: 'deliveries' });

    expect(received.map((r) => new URL(r.url).pathname).sort()).toEqual(['/acme', '/staff']);
    for (const delivery of received) {
      const secret = delivery.url.endsWith('/staff') ? staffSecret : acmeSecret;
      expect(verify({ raw: delivery.raw, header: delivery.headers.get(WEBHOOK_HEADERS.signature)!, secret })).toBe(true);
      expect(verify({ raw: delivery.raw, header: delivery.headers.get(WEBHOOK_HEADERS.signature)!, secret: 'wrong' })).toBe(false);
      const body = WebhookDeliveryBodySchema.parse(JSON.parse(delivery.raw));
      expect(body).toMatchObject({ event: 'ticket.created', data: { ticket: { id: ticket.id, number: ticket.number, subject: 'Webhook me', clientId: acme.id } } });
      expect(delivery.headers.get(WEBHOOK_HEADERS.event)).toBe('ticket.created');
      expect(delivery.headers.get(WEBHOOK_HEADERS.delivery)).toBe(body.id);
      expect(await WebhookDelivery.findByPk(body.id)).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    }
  });

  it('retries a failing receiver with the same delivery id until it accepts', async () => {
    const client = await buildClient();
    await subscribe({ path: 'flaky', events: ['ticket.created'], client });
    let calls = 0;
    answer = () => (++calls === 1 ? 503 : 200);
    await openTicket(client);
    await waitFor(settled, { what: 'the retry' });
    expect(received).toHaveLength(2);
    const ids = received.map((r) => r.headers.get(WEBHOOK_HEADERS.delivery));
    expect(ids[0]).toBe(ids[1]);
    expect(await WebhookDelivery.findByPk(ids[0]!)).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
  });

  it('marks a delivery failed after its last attempt, dead-letters its job, and retries it on request', async () => {
    const client = await buildClient();
    await subscribe({ path: 'down', events: ['ticket.created'], client });
    answer = () => 500;
    await openTicket(client);
    const delivery = await waitFor(async () => WebhookDelivery.findOne({ where: { status: 'failed' }, include: [{ association: 'subscription', where: { clientId: client.id } }] }), { what: 'the failed delivery' });
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 500, lastError: 'The receiver answered 500' });
    const dead = await waitFor(async () => (await listDeadJobs({ queue: 'webhook' })).data.find((job) => job.data.deliveryId === delivery.id), { what: 'the dead-lettered job' });
    expect(dead.error).toContain('The receiver answered 500');

    answer = () => 200;
    await retryDeadJob({ id: dead.id, actor: { id: null, label: 'test' } });
    await waitFor(async () => (await WebhookDelivery.findByPk(delivery.id))!.status === 'delivered', { what: 'the retried delivery' });
    expect((await listDeadJobs({ queue: 'webhook' })).data.some((job) => job.id === dead.id)).toBe(false);
    await expect(retryWebhookDelivery({ deliveryId: delivery.id })).rejects.toThrow('already delivered');
  });

  it('sends a failed delivery again with retryWebhookDelivery', async () => {
    const client = await buildClient();
    await subscribe({ path: 'later', events: ['ticket.created'], client });
    answer = () => 410;
    await openTicket(client);
    const delivery = await waitFor(async () => WebhookDelivery.findOne({ where: { status: 'failed' }, include: [{ association: 'subscription', where: { clientId: client.id } }] }), { what: 'the failed delivery' });
    answer = () => 200;
    await retryWebhookDelivery({ deliveryId: delivery.id });
    await waitFor(async () => (await WebhookDelivery.findByPk(delivery.id))!.status === 'delivered', { what: 'the delivery' });
    expect((await WebhookDelivery.findByPk(delivery.id))!.attempts).toBe(4);
  });
});
