import { AuditLogEntry, ExecutionRun, N8nInstance, Workflow } from '~/models/index.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { awayFromMidnight, daysAgo, pushRuns } from './helpers/runs';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

type RunBody = { id: string; status: string; startedAt: string; workflow: { id: string } };

async function world() {
  const instance = await buildInstance();
  const [acme, globex] = [await buildClient({ companyName: 'Acme' }), await buildClient({ companyName: 'Globex' })];
  const staffUser = await buildUser({ role: 'staff' });
  const staff = apiClient(portal.url, await tokenFor(staffUser));
  const acmeApi = apiClient(portal.url, await tokenFor(await buildUser({ client: acme })));
  return { instance, acme, globex, staff, staffUser, acmeApi };
}

describe('POST /executions (ingest)', () => {
  it('takes one run, creating its instance and its workflow (unassigned) when they are new', async () => {
    const { staff } = await world();
    const single = { instance: 'https://N8N.Newcomer.example/', executionId: '101', workflowId: 'wfNew', workflowName: 'Leads', status: 'success', startedAt: daysAgo(0, 0), durationMs: 1200 };
    const first = await staff('POST', '/executions', single);
    expect([first.status, first.body]).toEqual([201, { accepted: 1, created: 1, updated: 0, unchanged: 0 }]);
    expect((await staff('POST', '/executions', single)).body).toEqual({ accepted: 1, created: 0, updated: 0, unchanged: 1 });

    // the same n8n, written differently, is the same instance
    const again = await staff('POST', '/executions', { ...single, instance: 'https://n8n.newcomer.example', executionId: '102' });
    expect(again.body.created).toBe(1);
    const instances = await N8nInstance.findAll({ where: { identity: 'https://n8n.newcomer.example' } });
    expect(instances.map((i) => i.name)).toEqual(['n8n.newcomer.example']);
    const workflow = await Workflow.findOne({ where: { instanceId: instances[0]!.id, n8nWorkflowId: 'wfNew' } });
    expect(workflow).toMatchObject({ name: 'Leads', clientId: null });
    expect(await ExecutionRun.count({ where: { instanceId: instances[0]!.id } })).toBe(2);
    expect(await AuditLogEntry.count({ where: { action: 'n8n_instance.register', targetId: instances[0]!.id } })).toBe(1);
  });

  it('takes a batch for a registered instance and counts new, updated and unchanged runs', async () => {
    const { instance, staff } = await world();
    const run = (executionId: string, status: string) => ({ executionId, workflowId: 'wfBatch', status, startedAt: daysAgo(1) });
    await staff('POST', '/executions', { instance: instance.identity, runs: [run('1', 'running'), run('2', 'success')] });
    const result = await staff('POST', '/executions', { instance: instance.identity, runs: [run('1', 'error'), run('2', 'success'), run('3', 'success'), run('3', 'running')] });
    expect([result.status, result.body]).toEqual([201, { accepted: 4, created: 1, updated: 1, unchanged: 1 }]);
  });

  it('answers invalid runs with 400 and the path of each bad field', async () => {
    const { instance, staff } = await world();
    const batch = await staff('POST', '/executions', {
      instance: instance.identity,
      runs: [
        { executionId: '1', workflowId: 'wf', status: 'success', startedAt: daysAgo(1) },
        { executionId: '2', workflowId: 'wf', status: 'done', startedAt: 'yesterday' },
      ],
    });
    expect(batch.status).toBe(400);
    expect(batch.body.error.code).toBe('invalid_input');
    expect(Object.keys(batch.body.error.details).sort()).toEqual(['runs.1.startedAt', 'runs.1.status']);
    const single = await staff('POST', '/executions', { instance: instance.identity, workflowId: 'wf', status: 'success', startedAt: daysAgo(1) });
    expect(single.body.error.details).toEqual({ executionId: [expect.any(String)] });
    const tooMany = await staff('POST', '/executions', { instance: instance.identity, runs: Array.from({ length: 501 }, (_, i) => ({ executionId: String(i), workflowId: 'wf', status: 'success', startedAt: daysAgo(1) })) });
    expect(tooMany.body.error.details.runs).toBeDefined();
    const unknown = await staff('POST', '/executions', { instance: 'not a url', executionId: '1', workflowId: 'wf', status: 'success', startedAt: daysAgo(1) });
    expect([unknown.status, Object.keys(unknown.body.error.details)]).toEqual([400, ['instance']]);
    // text PostgreSQL cannot store is refused with its field, not a 500
    const nul = await staff('POST', '/executions', { instance: instance.identity, runs: [{ executionId: '1', workflowId: 'wf', status: 'error', startedAt: daysAgo(1), errorMessage: 'bad\u0000byte' }] });
    expect([nul.status, nul.body.error.details]).toEqual([400, { 'runs.0.errorMessage': ['must not contain NUL characters or unpaired UTF-16 surrogates'] }]);
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(0);
  });

  it('refuses a client token (no ingest scope) and a staff token without the ingest scope', async () => {
    const { instance, acmeApi, staffUser } = await world();
    const body = { instance: instance.identity, executionId: '1', workflowId: 'wf', status: 'success', startedAt: daysAgo(1) };
    expect((await acmeApi('POST', '/executions', body)).status).toBe(403);
    const readWrite = apiClient(portal.url, await tokenFor(staffUser, ['read', 'write']));
    const refused = await readWrite('POST', '/executions', body);
    expect([refused.status, refused.body.error.message]).toEqual([403, expect.stringContaining('"ingest" scope')]);
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(0);
  });
});

describe('GET /executions', () => {
  it('lists newest first, filters by workflow, several statuses and dates, and pages', async () => {
    const { instance, acme, staff } = await world();
    const workflow = await buildWorkflow({ instance, client: acme });
    const other = await buildWorkflow({ instance, client: acme });
    const reports = await pushRuns({
      instance,
      workflow,
      runs: [
        { startedAt: daysAgo(1, 10), status: 'success' },
        { startedAt: daysAgo(2, 10), status: 'error', errorMessage: 'Rate limit', errorNode: 'HTTP Request' },
        { startedAt: daysAgo(3, 10), status: 'crashed' },
        { startedAt: daysAgo(4, 10), status: 'success' },
        { startedAt: daysAgo(5, 10), status: 'canceled' },
      ],
    });
    await pushRuns({ instance, workflow: other, runs: [{ startedAt: daysAgo(1, 11) }] });
    const starts = async (query: string) => (await staff('GET', `/executions?workflow=${workflow.id}&${query}`)).body.data.map((r: RunBody) => r.startedAt);
    const at = reports.map((r) => r.startedAt);

    expect(await starts('')).toEqual(at);
    expect(await starts('status=error,crashed')).toEqual([at[1], at[2]]);
    expect(await starts(`since=${encodeURIComponent(at[3]!)}&until=${encodeURIComponent(at[1]!)}`)).toEqual([at[2], at[3]]);
    expect(await starts(`order=startedAt&limit=2`)).toEqual([at[4], at[3]]);
    const failed = (await staff('GET', `/executions?workflow=${workflow.id}&status=error`)).body.data[0];
    expect(failed).toMatchObject({ status: 'error', errorMessage: 'Rate limit', errorNode: 'HTTP Request', clientId: acme.id, source: 'push', workflow: { id: workflow.id } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: RunBody[]; nextCursor: string | null } } = await staff('GET', `/executions?workflow=${workflow.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.data.map((r) => r.startedAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(at);
    const invalid = await staff('GET', '/executions?status=error,done&since=last-week');
    expect([invalid.status, Object.keys(invalid.body.error.details).sort()]).toEqual([400, ['since', 'status.1']]);
  });

  it("shows a client only its own runs, and another client's run is not found", async () => {
    const { instance, acme, globex, acmeApi } = await world();
    const mine = await buildWorkflow({ instance, client: acme });
    const theirs = await buildWorkflow({ instance, client: globex });
    await pushRuns({ instance, workflow: mine, runs: [{ startedAt: daysAgo(1) }] });
    await pushRuns({ instance, workflow: theirs, runs: [{ startedAt: daysAgo(1) }] });
    const list = await acmeApi('GET', '/executions');
    expect(list.body.data.map((r: RunBody) => r.workflow.id)).toEqual([mine.id]);
    expect((await acmeApi('GET', `/executions?client=${globex.id}`)).body.data).toEqual([]);
    expect((await acmeApi('GET', `/executions?workflow=${theirs.id}`)).body.data).toEqual([]);
    const theirRun = await ExecutionRun.findOne({ where: { workflowId: theirs.id } });
    expect((await acmeApi('GET', `/executions/${theirRun!.id}`)).status).toBe(404);
    const myRun = await ExecutionRun.findOne({ where: { workflowId: mine.id } });
    expect((await acmeApi('GET', `/executions/${myRun!.id}`)).body).toMatchObject({ id: myRun!.id, workflow: { id: mine.id } });
  });
});

describe('GET /executions/stats', () => {
  it('sums the rollups of the period with time saved, and fills days without runs with zeros', async () => {
    await awayFromMidnight();
    const { instance, acme, acmeApi } = await world();
    const slow = await buildWorkflow({ instance, client: acme, minutesSavedPerRun: '10' });
    const quick = await buildWorkflow({ instance, client: acme, minutesSavedPerRun: '0.5' });
    await pushRuns({ instance, workflow: slow, runs: [{ startedAt: daysAgo(0, 0), durationMs: 4000 }, { startedAt: daysAgo(2), status: 'error', durationMs: 2000 }] });
    await pushRuns({ instance, workflow: quick, runs: [{ startedAt: daysAgo(2), durationMs: 1000 }, { startedAt: daysAgo(2), status: 'canceled', durationMs: 1000 }, { startedAt: daysAgo(9) }] });

    const stats = await acmeApi('GET', '/executions/stats?days=7');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ days: 7, total: 4, success: 2, error: 1, successRate: 2 / 3, avgDurationMs: 2000, minutesSaved: 10.5 });
    expect(stats.body.series).toHaveLength(7);
    expect(stats.body.series.at(-1)).toEqual({ day: daysAgo(0).slice(0, 10), total: 1, success: 1, error: 0, minutesSaved: 10 });
    expect(stats.body.series.at(-3)).toEqual({ day: daysAgo(2).slice(0, 10), total: 3, success: 1, error: 1, minutesSaved: 0.5 });
    expect(stats.body.series.filter((d: { total: number }) => d.total === 0)).toHaveLength(5);
    expect([stats.body.from, stats.body.to]).toEqual([daysAgo(6).slice(0, 10), daysAgo(0).slice(0, 10)]);

    const earlier = await acmeApi('GET', `/executions/stats?days=7&until=${daysAgo(7).slice(0, 10)}`);
    expect(earlier.body).toMatchObject({ total: 1, success: 1, minutesSaved: 0.5 });
  });

  it('limits a client to its own runs, and staff can ask for one client', async () => {
    const { instance, acme, globex, staff, acmeApi } = await world();
    await pushRuns({ instance, workflow: await buildWorkflow({ instance, client: acme }), runs: [{ startedAt: daysAgo(1) }] });
    await pushRuns({ instance, workflow: await buildWorkflow({ instance, client: globex }), runs: [{ startedAt: daysAgo(1) }, { startedAt: daysAgo(1) }] });
    expect((await acmeApi('GET', '/executions/stats')).body.total).toBe(1);
    expect((await staff('GET', `/executions/stats?client=${globex.id}`)).body.total).toBe(2);
    expect((await acmeApi('GET', `/executions/stats?client=${globex.id}`)).status).toBe(404);
    const invalid = await acmeApi('GET', '/executions/stats?days=0');
    expect([invalid.status, Object.keys(invalid.body.error.details)]).toEqual([400, ['days']]);
  });
});
