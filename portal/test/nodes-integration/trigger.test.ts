// The Monoliet Trigger against the real portal: its webhook methods subscribe and unsubscribe through
// /api/v1/webhooks; a ticket opened with the Monoliet node makes the portal publish ticket.created, and its
// job queue's signed delivery reaches the trigger's webhook() over real HTTP, where the signature and its
// timestamp are checked.
import { WEBHOOK_HEADERS, WEBHOOK_TOLERANCE_SECONDS } from '@monoliet/contract';
import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MonolietTrigger } from '../../../nodes/MonolietTrigger/MonolietTrigger.node';
import { fakeWebhookFunctions } from '../../../test/nodes/helpers/fake-n8n';
import type { Client } from '~/models/index.server';
import { buildClient, buildUser } from '../factories';
import { apiClient, tokenFor } from '../helpers/api';
import { startPortal, type PortalProcess } from '../helpers/portal-process';
import { waitFor } from '../helpers/wait';
import { type Caller, hookContext, PORTAL_START_MS, runNode, SETUP_TIMEOUT_MS } from './node-runner';

type Delivery = { rawBody: Buffer; headers: Record<string, string>; status: number; result: IWebhookResponseData };

let portal: PortalProcess;
let receiver: Server;
let webhookUrl: string;
let client: Client;
let asClient: Caller;
const trigger = new MonolietTrigger();
const events = ['ticket.created'];
/** The trigger node's static data, as n8n keeps it between activation and the webhook calls. */
let staticData: IDataObject = {};
const deliveries: Delivery[] = [];

/** What n8n does with a POST to the trigger's webhook URL: hands the request to webhook() and answers. */
async function handToTrigger({ rawBody, headers }: { rawBody: Buffer; headers: Record<string, string> }) {
  const { context, sent } = fakeWebhookFunctions({ parameters: { events }, staticData, request: { rawBody, headers } });
  const result = await trigger.webhook.call(context);
  return { status: sent.status ?? 200, result };
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      void handToTrigger({ rawBody, headers }).then(({ status, result }) => {
        deliveries.push({ rawBody, headers, status, result });
        res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/7f1c2f0e/webhook`;
  portal = await startPortal({ timeoutMs: PORTAL_START_MS });
  client = await buildClient({ companyName: 'Acme' });
  asClient = { url: portal.url, token: await tokenFor(await buildUser({ client }), ['read', 'write']) };
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await portal?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const hooks = () => hookContext({ ...asClient, events, staticData, webhookUrl });

/** Opens a ticket the way a builder would: the Monoliet node's Ticket → Create, with the client's token. */
async function openTicket(subject: string) {
  const [ticket] = await runNode(asClient, { parameters: { resource: 'ticket', operation: 'create', subject, description: 'The nightly export did not arrive', priority: 'high', additionalFields: {} } });
  return ticket.json as { id: string };
}

describe('Monoliet Trigger against the real portal', () => {
  it('subscribes on activation, receives the portal’s signed event, refuses tampering and replays, and unsubscribes', async () => {
    const methods = trigger.webhookMethods.default;
    const api = apiClient(portal.url, asClient.token);
    staticData = {};
    expect(await methods.checkExists.call(hooks())).toBe(false);
    expect(await methods.create.call(hooks())).toBe(true);
    expect(staticData).toEqual({ subscriptionId: expect.any(String), secret: expect.any(String) });
    expect(await methods.checkExists.call(hooks())).toBe(true);
    const subscription = await api('GET', `/webhooks/${staticData.subscriptionId}`);
    expect(subscription.status).toBe(200);
    expect(subscription.body).toMatchObject({ targetUrl: webhookUrl, events, isActive: true, clientId: client.id, description: expect.stringContaining('Monoliet Trigger') });
    expect(subscription.body).not.toHaveProperty('secret');

    const ticket = await openTicket('Export stopped');
    const [delivery] = await waitFor(() => (deliveries.length > 0 ? deliveries : undefined), { what: 'the delivery', timeoutMs: 60_000 });
    expect(delivery.status).toBe(200);
    expect(delivery.headers[WEBHOOK_HEADERS.event]).toBe('ticket.created');
    const [[item]] = delivery.result.workflowData!;
    expect(item.json).toMatchObject({ id: delivery.headers[WEBHOOK_HEADERS.delivery], event: 'ticket.created', data: { ticket: { id: ticket.id, subject: 'Export stopped', clientId: client.id } } });
    const recorded = await waitFor(async () => {
      const { body } = await api('GET', `/webhooks/${staticData.subscriptionId}/deliveries`);
      return body.data?.[0]?.status === 'delivered' ? body.data[0] : undefined;
    }, { what: 'the delivery recorded as delivered', timeoutMs: 60_000 });
    expect(recorded).toMatchObject({ event: 'ticket.created', attempts: 1, lastStatusCode: 200 });

    // a changed body, or the same delivery sent again after the tolerance window, is refused with 401
    const tampered = Buffer.from(delivery.rawBody.toString('utf8').replace('Export stopped', 'Pay to IBAN NL00'));
    expect(await handToTrigger({ rawBody: tampered, headers: delivery.headers })).toMatchObject({ status: 401, result: { noWebhookResponse: true } });
    const realNow = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(realNow + (WEBHOOK_TOLERANCE_SECONDS + 60) * 1000);
    try {
      expect((await handToTrigger(delivery)).status).toBe(401);
    } finally {
      later.mockRestore();
    }
    expect((await handToTrigger(delivery)).status).toBe(200);

    // deactivation removes the subscription; the portal no longer has it and sends nothing more
    expect(await methods.delete.call(hooks())).toBe(true);
    expect(staticData).toEqual({});
    const subscriptionId = subscription.body.id as string;
    expect((await api('GET', `/webhooks/${subscriptionId}`)).status).toBe(404);
    expect(await methods.checkExists.call(hooks())).toBe(false);
  }, 150_000);

  it('replaces a subscription that was switched off in the portal, so the node receives events again', async () => {
    const methods = trigger.webhookMethods.default;
    const api = apiClient(portal.url, asClient.token);
    staticData = {};
    await methods.create.call(hooks());
    const first = staticData.subscriptionId as string;
    const patched = await api('PATCH', `/webhooks/${first}`, { isActive: false });
    expect(patched.status).toBe(200);

    expect(await methods.checkExists.call(hooks())).toBe(false);
    expect((await api('GET', `/webhooks/${first}`)).status).toBe(404);
    await methods.create.call(hooks());
    expect(staticData.subscriptionId).not.toBe(first);
    expect((await api('GET', `/webhooks/${staticData.subscriptionId}`)).body).toMatchObject({ isActive: true, events });
    await methods.delete.call(hooks());
  });
});
