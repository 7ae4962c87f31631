import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { Alert, AuditLogEntry, ExecutionRun, getDb, N8nInstance, WebhookDelivery, WebhookSubscription } from '~/models/index.server';
import { sealSecret } from '~/services/secrets.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { serveFakeN8n } from './helpers/fake-n8n';
import { buildDeadJob, jobStates } from './helpers/jobs';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { waitFor } from './helpers/wait';

let portal: PortalProcess;
let staffApi: ReturnType<typeof apiClient>;
let n8n: Awaited<ReturnType<typeof serveFakeN8n>>;

beforeAll(async () => {
  n8n = await serveFakeN8n();
  portal = await startPortal({ env: { LOG_LEVEL: 'warn' } });
  staffApi = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
});
afterAll(async () => {
  await portal?.stop();
  await n8n?.close();
});

describe('GET /api/v1/alerts', () => {
  it('lists alerts with filters; a client user sees only its own workflows', async () => {
    const [acme, globex] = [await buildClient(), await buildClient()];
    const acmeFlow = await buildWorkflow({ client: acme, name: 'Acme flow' });
    const globexFlow = await buildWorkflow({ client: globex, name: 'Globex flow' });
    const open = await Alert.create({ workflowId: acmeFlow.id, kind: 'error', message: 'boom', lastNotifiedAt: null, resolvedAt: null });
    const resolved = await Alert.create({ workflowId: acmeFlow.id, kind: 'missed', message: 'late', lastNotifiedAt: null, resolvedAt: new Date() });
    const other = await Alert.create({ workflowId: globexFlow.id, kind: 'stuck', message: 'stuck', lastNotifiedAt: null, resolvedAt: null });

    const all = await staffApi('GET', '/alerts?limit=250');
    expect(all.status).toBe(200);
    expect(all.body.data.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([open.id, resolved.id, other.id]));
    const ids = async (query: string, api = staffApi) => (await api('GET', `/alerts?${query}`)).body.data.map((a: { id: string }) => a.id).sort();
    expect(await ids(`client=${acme.id}`)).toEqual([open.id, resolved.id].sort());
    expect(await ids(`client=${acme.id}&open=true`)).toEqual([open.id]);
    expect(await ids(`client=${acme.id}&open=false`)).toEqual([resolved.id]);
    expect(await ids(`workflow=${globexFlow.id}&kind=stuck`)).toEqual([other.id]);
    const first = (await staffApi('GET', `/alerts?client=${acme.id}`)).body.data.find((a: { id: string }) => a.id === open.id);
    expect(first).toMatchObject({ workflowId: acmeFlow.id, workflowName: 'Acme flow', clientId: acme.id, kind: 'error', message: 'boom', open: true, resolvedAt: null });

    const acmeApi = apiClient(portal.url, await tokenFor(await buildUser({ client: acme })));
    expect(await ids('', acmeApi)).toEqual([open.id, resolved.id].sort());
    expect(await ids(`client=${globex.id}`, acmeApi)).toEqual([]);
    expect(await ids(`workflow=${globexFlow.id}`, acmeApi)).toEqual([]);
    const invalid = await staffApi('GET', '/alerts?kind=bad&open=maybe');
    expect([invalid.status, Object.keys(invalid.body.error.details).sort()]).toEqual([400, ['kind', 'open']]);
  });
});

describe('Sync now', () => {
  it('queues a reconcile that the portal runs, and answers its sync run', async () => {
    const workflow = n8n.fake.addWorkflow({ name: 'Orders to ERP' });
    n8n.fake.addExecutions({ count: 300, workflowIds: [workflow.id], from: new Date('2026-04-01T00:00:00Z') });
    const instance = await buildInstance({ baseUrl: n8n.fake.baseUrl, identity: n8n.fake.baseUrl, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: n8n.fake.apiKey }) });

    const started = await staffApi('POST', `/n8n-instances/${instance.id}/sync`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ instanceId: instance.id, trigger: 'manual', status: 'queued', finishedAt: null });

    const finished = await waitFor(async () => {
      const run = await staffApi('GET', `/sync-runs/${started.body.id}`);
      return run.body.status === 'ok' || run.body.status === 'error' ? run.body : null;
    }, { timeoutMs: 30_000, intervalMs: 250, what: 'the sync to finish' });
    expect(finished).toMatchObject({ status: 'ok', executionsSeen: 300, runsInserted: 300, workflowsSynced: 1, error: null });
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(300);
    expect((await N8nInstance.findByPk(instance.id))!.lastSyncStatus).toBe('ok');
  });

  it('refuses clients (403), unknown instances (404) and instances without an API key (422)', async () => {
    const pushOnly = await buildInstance();
    const clientApi = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await clientApi('POST', `/n8n-instances/${pushOnly.id}/sync`)).status).toBe(403);
    expect((await staffApi('POST', `/n8n-instances/${randomUUID()}/sync`)).status).toBe(404);
    const noKey = await staffApi('POST', `/n8n-instances/${pushOnly.id}/sync`);
    expect([noKey.status, noKey.body.error.code]).toEqual([422, 'unprocessable']);
    expect((await staffApi('GET', `/sync-runs/${randomUUID()}`)).status).toBe(404);
  });
});

describe('jobs', () => {
  it('lists dead-lettered jobs and runs one again', async () => {
    const subscription = await WebhookSubscription.create({ targetUrl: 'http://127.0.0.1:9/unreachable', events: ['ticket.created'], secretEncrypted: sealSecret({ kind: 'webhookSecret', plaintext: 'whsec_jobs_0123456789' }), clientId: null, createdById: null });
    const delivery = await WebhookDelivery.create({ subscriptionId: subscription.id, event: 'ticket.created', payload: {}, lastStatusCode: null, lastError: null, deliveredAt: null });
    const deadId = await buildDeadJob({ queue: 'webhook', data: { deliveryId: delivery.id }, error: 'Webhook not delivered: Cannot reach the receiver' });

    const list = await staffApi('GET', '/jobs?queue=webhook');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([{ id: deadId, queue: 'webhook', data: { deliveryId: delivery.id }, error: 'Webhook not delivered: Cannot reach the receiver', failedAt: expect.any(String) }]);
    const queues = await staffApi('GET', '/jobs/queues');
    expect(queues.body.data.find((q: { queue: string }) => q.queue === 'webhook')).toMatchObject({ deadLettered: 1 });

    const retried = await staffApi('POST', `/jobs/${deadId}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual({ queue: 'webhook', jobId: expect.any(String) });
    expect((await staffApi('GET', '/jobs?queue=webhook')).body.data).toEqual([]);
    // the portal's worker tries the delivery again
    await waitFor(async () => (await delivery.reload()).attempts > 0, { what: 'the retried delivery' });
    expect((await jobStates('webhook-dead-letter')).created ?? 0).toBe(0);

    expect((await staffApi('POST', `/jobs/${deadId}/retry`)).status).toBe(404);
    expect((await staffApi('POST', '/jobs/not-a-uuid/retry')).status).toBe(404);
    const clientApi = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await clientApi('GET', '/jobs')).status).toBe(403);
  });

  it('deletes a dead-lettered job for good, for staff with the write scope only, and audits it with its payload', async () => {
    const emailId = randomUUID();
    const deadId = await buildDeadJob({ queue: 'email', data: { emailId }, error: 'Mail not sent: ECONNREFUSED' });
    const staff = await buildUser({ role: 'staff' });
    const clientApi = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await clientApi('DELETE', `/jobs/${deadId}`)).body.error).toEqual({ code: 'forbidden', message: 'Only agency staff can do this' });
    expect((await apiClient(portal.url, await tokenFor(staff, ['read']))('DELETE', `/jobs/${deadId}`)).status).toBe(403);
    expect((await staffApi('GET', '/jobs?queue=email')).body.data.map((job: { id: string }) => job.id)).toEqual([deadId]);

    const deleted = await apiClient(portal.url, await tokenFor(staff))('DELETE', `/jobs/${deadId}`);
    expect([deleted.status, deleted.body]).toEqual([204, null]);
    expect((await staffApi('GET', '/jobs?queue=email')).body.data).toEqual([]);
    expect((await staffApi('GET', '/jobs/queues')).body.data.find((q: { queue: string }) => q.queue === 'email')).toMatchObject({ deadLettered: 0 });
    const audit = await AuditLogEntry.findAll({ where: { action: 'job.delete', targetId: deadId } });
    expect(audit.map((entry) => [entry.actorId, entry.metadata])).toEqual([[staff.id, { queue: 'email', data: { emailId } }]]);

    expect((await staffApi('DELETE', `/jobs/${deadId}`)).status).toBe(404);
    expect((await staffApi('DELETE', '/jobs/not-a-uuid')).status).toBe(404);
    // a job still waiting in its own queue is not the API's to delete
    const [waiting] = await getDb().query<{ id: string }>(`INSERT INTO pgboss.job (name, data, start_after) VALUES ('email', $1, now() + interval '1 day') RETURNING id`, { bind: [JSON.stringify({ emailId: randomUUID() })], type: QueryTypes.SELECT });
    expect((await staffApi('DELETE', `/jobs/${waiting!.id}`)).status).toBe(404);
    const kept = await getDb().query<{ state: string }>('SELECT state FROM pgboss.job WHERE id = $1', { bind: [waiting!.id], type: QueryTypes.SELECT });
    expect(kept).toEqual([{ state: 'created' }]);
  });
});
