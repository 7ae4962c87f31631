import { setupServer } from 'msw/node';
import { STAFF_SCOPES, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { AuditLogEntry, N8nInstance, type User, Workflow } from '~/models/index.server';
import { sealSecret } from '~/services/secrets.server';
import { setWorkflowActive } from '~/services/workflow-activation.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { FakeN8n } from './helpers/fake-n8n';

// The service in-process, against msw's fake of n8n (msw intercepts this process's fetch).
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const QUICK = { timeoutMs: 200, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 } };

function staffCaller(user: User): Caller {
  return { user, role: 'staff', clientId: null, scopes: new Set(STAFF_SCOPES), token: null };
}

async function setup({ version = 2, active = false }: { version?: 1 | 2; active?: boolean } = {}) {
  const fake = new FakeN8n({ baseUrl: `https://n8n-${Math.random().toString(36).slice(2, 8)}.fake.test`, version });
  server.use(...fake.handlers());
  const instance = await buildInstance({ baseUrl: fake.baseUrl, identity: fake.baseUrl, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: fake.apiKey }) });
  const remote = fake.addWorkflow({ name: 'Orders sync', active });
  const workflow = await buildWorkflow({ instance, client: await buildClient(), n8nWorkflowId: remote.id, name: 'Orders sync', active, status: active ? 'active' : 'paused' });
  const caller = staffCaller(await buildUser({ role: 'staff' }));
  return { fake, instance, remote, workflow, caller };
}

async function failureOf(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(() => null, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('switching a workflow on and off in n8n', () => {
  it('publishes on n8n 2.x, then records the new state, the API flavor and an audit entry', async () => {
    const { fake, instance, remote, workflow, caller } = await setup();
    const result = await setWorkflowActive({ caller, id: workflow.id, active: true, n8n: QUICK });
    expect(result).toMatchObject({ id: workflow.id, active: true, status: 'active' });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /workflows/${remote.id}/publish`]);
    expect(remote.active).toBe(true);
    expect((await N8nInstance.findByPk(instance.id))!.apiFlavor).toBe('publish');
    const audit = await AuditLogEntry.findOne({ where: { action: 'workflow.activate', targetId: workflow.id } });
    expect(audit?.metadata).toMatchObject({ via: 'publish', n8nWorkflowId: remote.id });

    const off = await setWorkflowActive({ caller, id: workflow.id, active: false, n8n: QUICK });
    expect(off).toMatchObject({ active: false, status: 'paused' });
    expect(fake.requests.at(-1)!.path).toBe(`/workflows/${remote.id}/unpublish`);
    expect(await AuditLogEntry.count({ where: { action: 'workflow.deactivate', targetId: workflow.id } })).toBe(1);
  });

  it('falls back to activate on n8n 1.x, and goes straight there the next time', async () => {
    const { fake, instance, remote, workflow, caller } = await setup({ version: 1 });
    await setWorkflowActive({ caller, id: workflow.id, active: true, n8n: QUICK });
    expect(fake.requests.map((r) => r.path)).toEqual([`/workflows/${remote.id}/publish`, `/workflows/${remote.id}/activate`]);
    expect((await N8nInstance.findByPk(instance.id))!.apiFlavor).toBe('activate');
    await setWorkflowActive({ caller, id: workflow.id, active: false, n8n: QUICK });
    expect(fake.requests.at(-1)!.path).toBe(`/workflows/${remote.id}/deactivate`);
    expect(fake.requests).toHaveLength(3);
    expect((await Workflow.findByPk(workflow.id))!.active).toBe(false);
  });

  it('answers a workflow n8n does not know with a 502 carrying n8n\'s message, and changes nothing', async () => {
    const { fake, remote, workflow, caller } = await setup();
    fake.workflows.delete(remote.id);
    const error = await failureOf(setWorkflowActive({ caller, id: workflow.id, active: true, n8n: QUICK }));
    expect([error.code, error.status]).toEqual(['bad_gateway', 502]);
    expect(error.message).toBe('n8n could not switch on "Orders sync": Not found in n8n: Not Found');
    expect(error.details).toEqual({ n8n: ['not_found (HTTP 404)'] });
    expect((await Workflow.findByPk(workflow.id))!.active).toBe(false);
    expect(await AuditLogEntry.count({ where: { targetId: workflow.id } })).toBe(0);
  });

  it('answers a rejected API key with a 502 that says to check the key', async () => {
    const { instance, workflow, caller } = await setup({ active: true });
    await instance.update({ apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'an-old-key' }) });
    const error = await failureOf(setWorkflowActive({ caller, id: workflow.id, active: false, n8n: QUICK }));
    expect([error.status, error.details]).toEqual([502, { n8n: ['unauthorized (HTTP 401)'] }]);
    expect(error.message).toContain('n8n rejected the API key (401 Unauthorized)');
    expect((await Workflow.findByPk(workflow.id))!.active).toBe(true);
  });

  it('gives up with a 502 when n8n does not answer in time, after one retry', async () => {
    const { fake, workflow, caller } = await setup();
    fake.failRequests({ match: (r) => r.path.endsWith('/publish'), times: 2, delayMs: 2_000 });
    const error = await failureOf(setWorkflowActive({ caller, id: workflow.id, active: true, n8n: QUICK }));
    expect([error.status, error.details]).toEqual([502, { n8n: ['timeout'] }]);
    expect(error.message).toContain('did not answer within 200 ms');
    expect(fake.requestsTo(`/workflows/${workflow.n8nWorkflowId}/publish`)).toHaveLength(2);
    expect((await Workflow.findByPk(workflow.id))!.active).toBe(false);
  });

  it('refuses an instance without an API key, before calling anything', async () => {
    const { fake, instance, workflow, caller } = await setup();
    await instance.update({ apiKeyEncrypted: null });
    const error = await failureOf(setWorkflowActive({ caller, id: workflow.id, active: true, n8n: QUICK }));
    expect([error.code, error.message]).toEqual(['conflict', expect.stringContaining('has no API key')]);
    expect(fake.requests).toHaveLength(0);
  });
});
