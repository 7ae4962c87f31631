import { setupServer } from 'msw/node';
import { publishWorkflow, unpublishWorkflow } from '~/lib/n8n/activation.server';
import { testConnection } from '~/lib/n8n/connection.server';
import { getExecution, listExecutions } from '~/lib/n8n/executions.server';
import type { N8nConnection } from '~/lib/n8n/request.server';
import { listWorkflows } from '~/lib/n8n/workflows.server';
import { FakeN8n } from './helpers/fake-n8n';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useFake(options: ConstructorParameters<typeof FakeN8n>[0] = {}) {
  const fake = new FakeN8n(options);
  server.use(...fake.handlers());
  const connection: N8nConnection = { baseUrl: fake.baseUrl, apiKey: fake.apiKey, retry: { baseDelayMs: 5, maxDelayMs: 20 } };
  return { fake, connection };
}

describe('the n8n client', () => {
  it('pages executions newest first with limit 250, sending the filters again with every page', async () => {
    const { fake, connection } = useFake();
    const workflow = fake.addWorkflow({ name: 'Orders' });
    const other = fake.addWorkflow({ name: 'Other' });
    fake.addExecutions({ count: 600, workflowIds: [workflow.id, other.id], from: new Date('2026-03-01T00:00:00Z'), statuses: ['success'] });

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listExecutions({ connection, cursor, status: 'success', workflowId: workflow.id });
      if (!page.ok) throw new Error(page.error.message);
      ids.push(...page.value.data.map((e) => e.id));
      cursor = page.value.nextCursor;
    } while (cursor);

    const expected = [...fake.executions.values()].filter((e) => e.workflowId === workflow.id).map((e) => String(e.id)).reverse();
    expect(ids).toEqual(expected);
    const requests = fake.requestsTo('/executions');
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.query.limit === '250' && r.query.status === 'success' && r.query.workflowId === workflow.id)).toBe(true);
    expect(requests[1]!.query.cursor).toBeTruthy();
  });

  it('never sends limit=0, which would make n8n return every execution', async () => {
    const { fake, connection } = useFake();
    const workflow = fake.addWorkflow({ name: 'Orders' });
    fake.addExecutions({ count: 5, workflowIds: [workflow.id], from: new Date('2026-03-01T00:00:00Z') });
    const page = await listExecutions({ connection, limit: 0 });
    expect(page.ok && page.value.data).toHaveLength(1);
    expect(fake.requests[0]!.query.limit).toBe('1');
  });

  it('parses running executions, which n8n only lists with status=running', async () => {
    const { fake, connection } = useFake();
    const workflow = fake.addWorkflow({ name: 'Orders' });
    const running = fake.addExecution({ workflowId: workflow.id, status: 'running', startedAt: '2026-03-01T10:00:00.000Z' });
    fake.addExecution({ workflowId: workflow.id, status: 'success', startedAt: '2026-03-01T09:00:00.000Z' });
    const all = await listExecutions({ connection });
    expect(all.ok && all.value.data.map((e) => e.status)).toEqual(['success']);
    const onlyRunning = await listExecutions({ connection, status: 'running' });
    expect(onlyRunning.ok && onlyRunning.value.data).toEqual([
      { id: String(running.id), mode: 'trigger', retryOf: null, status: 'running', startedAt: '2026-03-01T10:00:00.000Z', stoppedAt: null, workflowId: workflow.id },
    ]);
  });

  it('retries a 429 (honouring Retry-After) and a 500, then succeeds', async () => {
    const { fake, connection } = useFake();
    fake.addWorkflow({ name: 'Orders', tags: ['client:acme'] });
    fake.failRequests({ match: (r) => r.path === '/workflows', status: 429, headers: { 'Retry-After': '0' } });
    fake.failRequests({ match: (r) => r.path === '/workflows', status: 500 });
    const page = await listWorkflows({ connection });
    expect(page).toMatchObject({ ok: true, value: { data: [{ name: 'Orders', active: true, tags: ['client:acme'] }], nextCursor: null } });
    expect(fake.requestsTo('/workflows')).toHaveLength(3);
  });

  it('gives up after its attempts and reports the last failure as a value', async () => {
    const { fake, connection } = useFake();
    fake.failRequests({ match: () => true, times: 10, status: 503 });
    const result = await listExecutions({ connection: { ...connection, retry: { ...connection.retry, attempts: 3 } } });
    expect(result).toEqual({ ok: false, error: { kind: 'server_error', status: 503, message: expect.stringContaining('503') } });
    expect(fake.requests).toHaveLength(3);
  });

  it('reports network errors and timeouts after retrying them', async () => {
    const { fake, connection } = useFake();
    fake.failRequests({ match: () => true, times: 2, network: true });
    expect(await listExecutions({ connection: { ...connection, retry: { ...connection.retry, attempts: 2 } } })).toMatchObject({ ok: false, error: { kind: 'network' } });
    fake.failRequests({ match: () => true, times: 2, delayMs: 2_000 });
    expect(await listExecutions({ connection: { ...connection, timeoutMs: 50, retry: { ...connection.retry, attempts: 2 } } })).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(fake.requests).toHaveLength(4);
  });

  it('does not retry a wrong key or a missing scope', async () => {
    const { fake, connection } = useFake({ scopes: ['workflow:list'] });
    expect(await listWorkflows({ connection: { ...connection, apiKey: 'wrong' } })).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
    expect(await listExecutions({ connection })).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    expect(fake.requests).toHaveLength(2);
  });

  it('reports an answer that is not n8n as an invalid response', async () => {
    const { connection } = useFake();
    const { http, HttpResponse } = await import('msw');
    server.use(http.get(`${connection.baseUrl}/api/v1/executions`, () => HttpResponse.json({ items: [] })));
    expect(await listExecutions({ connection })).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
  });

  it('answers not_found for an execution that n8n has pruned', async () => {
    const { fake, connection } = useFake();
    const workflow = fake.addWorkflow({ name: 'Orders' });
    const execution = fake.addExecution({ workflowId: workflow.id, startedAt: '2026-03-01T10:00:00.000Z', status: 'error' });
    expect(await getExecution({ connection, executionId: String(execution.id) })).toMatchObject({ ok: true, value: { id: String(execution.id), status: 'error', startedAt: '2026-03-01T10:00:00.000Z' } });
    fake.prune(() => true);
    expect(await getExecution({ connection, executionId: String(execution.id) })).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404 } });
  });
});

describe('publishing workflows', () => {
  it('publishes and unpublishes on n8n 2.x', async () => {
    const { fake, connection } = useFake({ version: 2 });
    const workflow = fake.addWorkflow({ name: 'Orders', active: false });
    expect(await publishWorkflow({ connection, workflowId: workflow.id })).toMatchObject({ ok: true, value: { flavor: 'publish', workflow: { active: true } } });
    expect(await unpublishWorkflow({ connection, workflowId: workflow.id, flavor: 'publish' })).toMatchObject({ ok: true, value: { flavor: 'publish', workflow: { active: false } } });
    expect(fake.requests.map((r) => r.path)).toEqual([`/workflows/${workflow.id}/publish`, `/workflows/${workflow.id}/unpublish`]);
  });

  it('falls back to activate on n8n 1.x, and goes straight there once the flavor is known', async () => {
    const { fake, connection } = useFake({ version: 1 });
    const workflow = fake.addWorkflow({ name: 'Orders', active: false });
    expect(await publishWorkflow({ connection, workflowId: workflow.id })).toMatchObject({ ok: true, value: { flavor: 'activate', workflow: { active: true } } });
    expect(await unpublishWorkflow({ connection, workflowId: workflow.id, flavor: 'activate' })).toMatchObject({ ok: true, value: { workflow: { active: false } } });
    expect(fake.requests.map((r) => r.path)).toEqual([`/workflows/${workflow.id}/publish`, `/workflows/${workflow.id}/activate`, `/workflows/${workflow.id}/deactivate`]);
    expect(fake.workflows.get(workflow.id)!.active).toBe(false);
  });

  it('reports an unknown workflow as not_found and a missing scope as forbidden', async () => {
    const { connection } = useFake({ version: 2 });
    expect(await publishWorkflow({ connection, workflowId: 'nope' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const limited = useFake({ baseUrl: 'https://limited.fake.test', scopes: ['workflow:list'] });
    const workflow = limited.fake.addWorkflow({ name: 'Orders' });
    expect(await publishWorkflow({ connection: limited.connection, workflowId: workflow.id })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('testConnection', () => {
  it('accepts a key with the scopes a sync needs', async () => {
    const { connection } = useFake();
    expect(await testConnection({ connection })).toEqual({ ok: true, value: { workflows: true, executions: true } });
  });

  it('names the missing scope, and reports a wrong key', async () => {
    const { connection } = useFake({ scopes: ['workflow:list', 'workflow:read'] });
    expect(await testConnection({ connection })).toEqual({ ok: false, error: { kind: 'forbidden', status: 403, message: expect.stringContaining('execution:list') } });
    expect(await testConnection({ connection: { ...connection, apiKey: 'wrong' } })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('reports an unreachable instance without waiting for retries', async () => {
    const { fake, connection } = useFake();
    fake.failRequests({ match: () => true, times: 5, network: true });
    expect(await testConnection({ connection })).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(fake.requests).toHaveLength(1);
  });
});
