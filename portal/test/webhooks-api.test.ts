import { AuditLogEntry, WebhookDelivery, WebhookSubscription } from '~/models/index.server';
import { openSecret } from '~/services/secrets.server';
import { buildClient, buildUser } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

async function clientApi() {
  const client = await buildClient();
  const user = await buildUser({ client });
  return { client, user, api: apiClient(portal.url, await tokenFor(user)) };
}

describe('webhook subscriptions API', () => {
  it("creates a client's subscription with a secret shown once and stored encrypted", async () => {
    const { client, api } = await clientApi();
    const created = await api('POST', '/webhooks', { targetUrl: 'https://n8n.example/webhook/abc', events: ['ticket.created', 'invoice.paid', 'ticket.created'], description: 'Monoliet Trigger' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ targetUrl: 'https://n8n.example/webhook/abc', events: ['ticket.created', 'invoice.paid'], description: 'Monoliet Trigger', isActive: true, clientId: client.id });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);

    const stored = await WebhookSubscription.findByPk(created.body.id);
    expect(stored!.secretEncrypted).not.toContain(created.body.secret);
    expect(openSecret({ kind: 'webhookSecret', ciphertext: stored!.secretEncrypted })).toBe(created.body.secret);
    const got = await api('GET', `/webhooks/${created.body.id}`);
    expect(got.body).not.toHaveProperty('secret');
    expect(JSON.stringify((await api('GET', '/webhooks')).body)).not.toContain(created.body.secret);
    expect(await AuditLogEntry.count({ where: { action: 'webhook.create', targetId: created.body.id, clientId: client.id } })).toBe(1);
  });

  it("lets a client see and change only its own subscriptions; another client's is a 404", async () => {
    const a = await clientApi();
    const b = await clientApi();
    const ofA = (await a.api('POST', '/webhooks', { targetUrl: 'https://a.example/hook', events: ['ticket.created'] })).body;
    const ofB = (await b.api('POST', '/webhooks', { targetUrl: 'https://b.example/hook', events: ['invoice.created'] })).body;

    const listedByA = await a.api('GET', '/webhooks');
    expect(listedByA.body.data.map((s: { id: string }) => s.id)).toEqual([ofA.id]);
    for (const [method, path, body] of [
      ['GET', `/webhooks/${ofB.id}`],
      ['PATCH', `/webhooks/${ofB.id}`, { isActive: false }],
      ['DELETE', `/webhooks/${ofB.id}`],
      ['GET', `/webhooks/${ofB.id}/deliveries`],
    ] as const) {
      const result = await a.api(method, path, body);
      expect([method, path, result.status]).toEqual([method, path, 404]);
      expect(JSON.stringify(result.body)).not.toContain('b.example');
    }
    expect((await WebhookSubscription.findByPk(ofB.id))!.isActive).toBe(true);

    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const all = (await staff('GET', '/webhooks?limit=250')).body.data.map((s: { id: string }) => s.id);
    expect(all).toEqual(expect.arrayContaining([ofA.id, ofB.id]));
    const staffOwn = await staff('POST', '/webhooks', { targetUrl: 'http://n8n:5678/webhook/all', events: ['workflow.failing'] });
    expect(staffOwn.body.clientId).toBeNull();
    expect((await a.api('GET', `/webhooks/${staffOwn.body.id}`)).status).toBe(404);
  });

  it('updates events, description and the active flag, filters the list, and deletes', async () => {
    const { api } = await clientApi();
    const created = (await api('POST', '/webhooks', { targetUrl: 'https://hooks.example/x', events: ['ticket.created'] })).body;
    const updated = await api('PATCH', `/webhooks/${created.id}`, { events: ['ticket.resolved', 'ticket.updated'], description: 'Support feed', isActive: false });
    expect(updated.body).toMatchObject({ events: ['ticket.resolved', 'ticket.updated'], description: 'Support feed', isActive: false });
    expect((await api('GET', '/webhooks?active=false')).body.data.map((s: { id: string }) => s.id)).toEqual([created.id]);
    expect((await api('GET', '/webhooks?active=true')).body.data).toEqual([]);
    expect((await api('GET', '/webhooks?event=ticket.resolved')).body.data).toHaveLength(1);
    expect((await api('GET', '/webhooks?event=invoice.paid')).body.data).toEqual([]);
    expect((await api('PATCH', `/webhooks/${created.id}`, { events: ['no.such.event'] })).status).toBe(400);
    expect((await api('PATCH', `/webhooks/${created.id}`, { targetUrl: 'https://elsewhere.example' })).status).toBe(400);

    expect((await api('DELETE', `/webhooks/${created.id}`)).status).toBe(204);
    expect((await api('GET', `/webhooks/${created.id}`)).status).toBe(404);
    expect(await WebhookSubscription.count({ where: { id: created.id } })).toBe(0);
  });

  it('lists deliveries newest first, by status, in pages', async () => {
    const { api } = await clientApi();
    const created = (await api('POST', '/webhooks', { targetUrl: 'https://hooks.example/d', events: ['invoice.paid'] })).body;
    const base = Date.parse('2026-11-20T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      await WebhookDelivery.create({
        subscriptionId: created.id,
        event: 'invoice.paid',
        payload: { n: i },
        status: i === 4 ? 'failed' : 'delivered',
        attempts: i === 4 ? 6 : 1,
        lastStatusCode: i === 4 ? 500 : 200,
        lastError: i === 4 ? 'Internal Server Error' : null,
        deliveredAt: i === 4 ? null : new Date(base + i * 1000),
        createdAt: new Date(base + i * 1000),
      });
    }
    const first = await api('GET', `/webhooks/${created.id}/deliveries?limit=3`);
    expect(first.body.data.map((d: { payload: { n: number } }) => d.payload.n)).toEqual([4, 3, 2]);
    expect(first.body.data[0]).toMatchObject({ status: 'failed', attempts: 6, lastStatusCode: 500, lastError: 'Internal Server Error', deliveredAt: null });
    const second = await api('GET', `/webhooks/${created.id}/deliveries?limit=3&cursor=${first.body.nextCursor}`);
    expect([second.body.data.map((d: { payload: { n: number } }) => d.payload.n), second.body.nextCursor]).toEqual([[1, 0], null]);
    expect((await api('GET', `/webhooks/${created.id}/deliveries?status=failed`)).body.data).toHaveLength(1);
  });

  it('needs the write scope to change, read to look, and a client for a client user', async () => {
    const { user } = await clientApi();
    const readOnly = apiClient(portal.url, await tokenFor(user, ['read']));
    expect((await readOnly('GET', '/webhooks')).status).toBe(200);
    expect((await readOnly('POST', '/webhooks', { targetUrl: 'https://x.example', events: ['ticket.created'] })).status).toBe(403);
    const orphan = apiClient(portal.url, await tokenFor(await buildUser({ client: null })));
    expect((await orphan('POST', '/webhooks', { targetUrl: 'https://x.example', events: ['ticket.created'] })).status).toBe(403);
    const ftp = await apiClient(portal.url, await tokenFor(user))('POST', '/webhooks', { targetUrl: 'ftp://x.example', events: ['ticket.created'] });
    expect([ftp.status, Object.keys(ftp.body.error.details)]).toEqual([400, ['targetUrl']]);
  });
});
