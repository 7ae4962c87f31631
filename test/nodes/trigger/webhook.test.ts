import { WEBHOOK_EVENTS, WEBHOOK_HEADERS, WEBHOOK_TOLERANCE_SECONDS, webhookSignedContent, type WebhookDeliveryBody } from '@monoliet/contract';
import { createHmac, randomUUID } from 'node:crypto';
import { MonolietTrigger } from '../../../nodes/MonolietTrigger/MonolietTrigger.node';
import { fakeWebhookFunctions } from '../helpers/fake-n8n';

const secret = 'whsec_5f0e3c1b9a7d4e2f8c6b0a1d3e5f7a9b';
const delivery: WebhookDeliveryBody = {
  id: randomUUID(),
  event: 'invoice.overdue',
  createdAt: '2026-11-25T09:30:00.000Z',
  data: { invoice: { id: randomUUID(), number: 'INV-2026-0042', totalCents: 125000, dueDate: '2026-11-10' } },
};

/** Signs a body the way the contract says the portal does. */
function sign({ body, timestamp = Math.floor(Date.now() / 1000), key = secret }: { body: string; timestamp?: number; key?: string }) {
  const signature = createHmac('sha256', key).update(webhookSignedContent({ timestamp, body })).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

async function deliver({ body = JSON.stringify(delivery), headers = {}, events = ['invoice.overdue'], subscribed = true, keepRawBodyUnread = false }: {
  body?: string;
  headers?: Record<string, string>;
  events?: string[];
  subscribed?: boolean;
  keepRawBodyUnread?: boolean;
}) {
  const fake = fakeWebhookFunctions({
    parameters: { events },
    staticData: subscribed ? { subscriptionId: randomUUID(), secret } : {},
    request: { rawBody: Buffer.from(body), headers: { 'Content-Type': 'application/json', ...headers }, keepRawBodyUnread },
  });
  const result = await new MonolietTrigger().webhook.call(fake.context);
  return { result, sent: fake.sent };
}

describe('Monoliet Trigger: webhook()', () => {
  it('starts the workflow with a correctly signed delivery', async () => {
    const body = JSON.stringify(delivery);
    const { result, sent } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: sign({ body }) } });
    expect(sent.status).toBeUndefined();
    expect(result.workflowData).toEqual([[{ json: delivery }]]);
  });

  it('verifies the exact bytes sent, read from the request when n8n has not read them yet', async () => {
    // spacing that a re-serialised parsed body would lose
    const body = `{ "id": "${delivery.id}", "event": "invoice.overdue", "createdAt": "${delivery.createdAt}", "data": {} }`;
    const { result } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: sign({ body }) }, keepRawBodyUnread: true });
    expect(result.workflowData?.[0][0].json).toMatchObject({ id: delivery.id, event: 'invoice.overdue' });
  });

  it('rejects a delivery without a signature with 401', async () => {
    const { result, sent } = await deliver({});
    expect(sent).toEqual({ status: 401, body: { error: 'Missing signature' } });
    expect(result).toEqual({ noWebhookResponse: true });
  });

  it('rejects a bad signature with 401', async () => {
    const body = JSON.stringify(delivery);
    const { result, sent } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: sign({ body, key: 'whsec_someone_else' }) } });
    expect(sent).toEqual({ status: 401, body: { error: 'Invalid signature' } });
    expect(result.workflowData).toBeUndefined();
  });

  it('rejects a body changed after signing', async () => {
    const body = JSON.stringify(delivery);
    const tampered = body.replace('125000', '1');
    const { sent } = await deliver({ body: tampered, headers: { [WEBHOOK_HEADERS.signature]: sign({ body }) } });
    expect(sent.status).toBe(401);
  });

  it('rejects a replayed delivery whose timestamp is outside the tolerance', async () => {
    const body = JSON.stringify(delivery);
    const old = Math.floor(Date.now() / 1000) - WEBHOOK_TOLERANCE_SECONDS - 60;
    const { result, sent } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: sign({ body, timestamp: old }) } });
    expect(sent).toEqual({ status: 401, body: { error: 'Signature timestamp outside the allowed window (possible replay)' } });
    expect(result.workflowData).toBeUndefined();
  });

  it('rejects a header that is not t=…,v1=…', async () => {
    const { sent } = await deliver({ headers: { [WEBHOOK_HEADERS.signature]: 'sha256=abc' } });
    expect(sent).toEqual({ status: 401, body: { error: 'Malformed signature header' } });
  });

  it('accepts any of several v1 signatures, as sent while the portal rotates a secret', async () => {
    const body = JSON.stringify(delivery);
    const timestamp = Math.floor(Date.now() / 1000);
    const current = sign({ body, timestamp }).split(',')[1];
    const { result } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: `t=${timestamp},v1=${'0'.repeat(64)},${current}` } });
    expect(result.workflowData).toHaveLength(1);
  });

  it('rejects every delivery while it holds no secret (not subscribed)', async () => {
    const body = JSON.stringify(delivery);
    const { result, sent } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: sign({ body }) }, subscribed: false });
    expect(sent.status).toBe(401);
    expect(result.workflowData).toBeUndefined();
  });

  it('answers but does not start the workflow for an event it does not listen to', async () => {
    const body = JSON.stringify({ ...delivery, event: 'ticket.created' });
    const { result, sent } = await deliver({ body, headers: { [WEBHOOK_HEADERS.signature]: sign({ body }) } });
    expect(sent.status).toBeUndefined();
    expect(result).toEqual({ webhookResponse: { received: true, ignored: true } });
  });

  it('offers exactly the events of the contract', () => {
    const events = new MonolietTrigger().description.properties.find((p) => p.name === 'events');
    expect(events?.options?.map((o) => ('value' in o ? o.value : undefined)).sort()).toEqual([...WEBHOOK_EVENTS].sort());
  });
});
