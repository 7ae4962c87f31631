import type { IDataObject } from 'n8n-workflow';
import { MonolietTrigger } from '../../../nodes/MonolietTrigger/MonolietTrigger.node';
import { API_TOKEN, fakeHookFunctions } from '../helpers/fake-n8n';
import { startFakePortal } from '../helpers/fake-portal';

const portal = startFakePortal();
beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  portal.server.resetHandlers();
  portal.requests.length = 0;
  portal.subscriptions.clear();
});
afterAll(() => portal.server.close());

const methods = new MonolietTrigger().webhookMethods.default;
const webhookUrl = 'https://n8n.agency.test/webhook/4b1d-trigger/webhook';

function hooks(staticData: IDataObject, events = ['invoice.overdue', 'invoice.paid']) {
  return fakeHookFunctions({ parameters: { events }, staticData, webhookUrl }).context;
}

describe('Monoliet Trigger: subscription lifecycle', () => {
  it('subscribes with its webhook URL and events and keeps the id and secret', async () => {
    const staticData: IDataObject = {};
    expect(await methods.checkExists.call(hooks(staticData))).toBe(false);
    expect(portal.requests).toHaveLength(0);

    expect(await methods.create.call(hooks(staticData))).toBe(true);
    expect(portal.requests).toEqual([
      {
        method: 'POST',
        path: '/api/v1/webhooks',
        query: {},
        authorization: `Bearer ${API_TOKEN}`,
        body: { targetUrl: webhookUrl, events: ['invoice.overdue', 'invoice.paid'], description: 'n8n: Overdue invoices to Slack / Monoliet Trigger' },
      },
    ]);
    const [created] = [...portal.subscriptions.values()];
    expect(staticData).toEqual({ subscriptionId: created.id, secret: created.secret });
  });

  it('finds its subscription again', async () => {
    const staticData: IDataObject = {};
    await methods.create.call(hooks(staticData));
    portal.requests.length = 0;
    expect(await methods.checkExists.call(hooks(staticData))).toBe(true);
    expect(portal.requests).toMatchObject([{ method: 'GET', path: `/api/v1/webhooks/${staticData.subscriptionId}` }]);
  });

  it('forgets a subscription that was deleted in the portal, so n8n creates a new one', async () => {
    const staticData: IDataObject = {};
    await methods.create.call(hooks(staticData));
    portal.subscriptions.clear();
    expect(await methods.checkExists.call(hooks(staticData))).toBe(false);
    expect(staticData).toEqual({});
  });

  it('replaces a subscription whose events changed in the node', async () => {
    const staticData: IDataObject = {};
    await methods.create.call(hooks(staticData));
    const oldId = staticData.subscriptionId as string;
    portal.requests.length = 0;

    const changed = hooks(staticData, ['ticket.created']);
    expect(await methods.checkExists.call(changed)).toBe(false);
    expect(portal.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/webhooks/${oldId}`, `DELETE /api/v1/webhooks/${oldId}`]);
    expect(portal.subscriptions.has(oldId)).toBe(false);

    await methods.create.call(changed);
    expect([...portal.subscriptions.values()].map((s) => s.events)).toEqual([['ticket.created']]);
  });

  it('unsubscribes and forgets the secret', async () => {
    const staticData: IDataObject = {};
    await methods.create.call(hooks(staticData));
    const id = staticData.subscriptionId as string;
    portal.requests.length = 0;
    expect(await methods.delete.call(hooks(staticData))).toBe(true);
    expect(portal.requests).toMatchObject([{ method: 'DELETE', path: `/api/v1/webhooks/${id}`, authorization: `Bearer ${API_TOKEN}` }]);
    expect(portal.subscriptions.size).toBe(0);
    expect(staticData).toEqual({});
  });

  it('counts a subscription the portal no longer has as removed', async () => {
    const staticData: IDataObject = { subscriptionId: '5d7c8f6e-1111-4a2b-9c3d-000000000000', secret: 'whsec_old' };
    expect(await methods.delete.call(hooks(staticData))).toBe(true);
    expect(staticData).toEqual({});
  });

  it('reports a failed unsubscribe and keeps what it knows', async () => {
    const staticData: IDataObject = {};
    await methods.create.call(hooks(staticData));
    const kept = { ...staticData };
    const context = fakeHookFunctions({
      parameters: { events: ['invoice.overdue'] },
      staticData,
      webhookUrl,
      credentials: { url: 'https://portal.monoliet.test', apiToken: 'revoked' },
    }).context;
    expect(await methods.delete.call(context)).toBe(false);
    expect(staticData).toEqual(kept);
  });

  it('refuses to subscribe with the portal\'s message when the token is refused', async () => {
    const context = fakeHookFunctions({
      parameters: { events: ['invoice.paid'] },
      webhookUrl,
      credentials: { url: 'https://portal.monoliet.test', apiToken: 'revoked' },
    }).context;
    await expect(methods.create.call(context)).rejects.toMatchObject({ message: 'Invalid or revoked API token', httpCode: '401' });
  });
});
