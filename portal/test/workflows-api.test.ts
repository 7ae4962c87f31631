import { AuditLogEntry, ExecutionDaily } from '~/models/index.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { daysAgo, pushRuns } from './helpers/runs';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

type WorkflowBody = { id: string; name: string; client: { id: string } | null; lastRun: { startedAt: string; status: string } | null };

async function world() {
  const instance = await buildInstance();
  const [acme, globex] = [await buildClient({ companyName: 'Acme' }), await buildClient({ companyName: 'Globex' })];
  const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
  const acmeApi = apiClient(portal.url, await tokenFor(await buildUser({ client: acme })));
  const globexApi = apiClient(portal.url, await tokenFor(await buildUser({ client: globex })));
  return { instance, acme, globex, staff, acmeApi, globexApi };
}

describe('GET /workflows', () => {
  it('lists each workflow with its client and its newest run, and a client sees only its own', async () => {
    const { instance, acme, globex, staff, acmeApi } = await world();
    const orders = await buildWorkflow({ instance, client: acme, name: 'Orders sync' });
    await buildWorkflow({ instance, client: globex, name: 'Globex invoices' });
    const newest = daysAgo(1, 9);
    await pushRuns({ instance, workflow: orders, runs: [{ startedAt: daysAgo(3) }, { startedAt: newest, status: 'error' }, { startedAt: daysAgo(2) }] });

    const mine = await acmeApi('GET', '/workflows');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual([
      expect.objectContaining({ id: orders.id, name: 'Orders sync', client: { id: acme.id, slug: acme.slug, companyName: 'Acme' }, lastRun: { startedAt: newest, status: 'error' } }),
    ]);
    const all = await staff('GET', `/workflows?instance=${instance.id}`);
    expect(all.body.data.map((w: WorkflowBody) => w.name)).toEqual(['Globex invoices', 'Orders sync']);
    expect(all.body.data[0].lastRun).toBeNull();
  });

  it('filters by client, status, active, unassigned and search', async () => {
    const { instance, acme, staff } = await world();
    const running = await buildWorkflow({ instance, client: acme, name: 'Lead router', active: true });
    const failing = await buildWorkflow({ instance, client: acme, name: 'Invoice OCR', status: 'error', active: true });
    const loose = await buildWorkflow({ instance, name: 'Backup 100%_done' });
    const ids = async (query: string) => (await staff('GET', `/workflows?instance=${instance.id}&${query}`)).body.data.map((w: WorkflowBody) => w.id);

    expect(await ids(`client=${acme.id}`)).toEqual([failing.id, running.id]);
    expect(await ids('status=error')).toEqual([failing.id]);
    expect(await ids('active=false')).toEqual([loose.id]);
    expect(await ids('unassigned=true')).toEqual([loose.id]);
    expect(await ids('unassigned=false')).toEqual([failing.id, running.id]);
    expect(await ids('search=router')).toEqual([running.id]);
    // LIKE wildcards in a search are taken literally
    expect(await ids(`search=${encodeURIComponent('100%_')}`)).toEqual([loose.id]);
    expect((await staff('GET', '/workflows?status=broken')).body.error.details.status).toBeDefined();
  });

  it('pages with a cursor without skipping or repeating workflows', async () => {
    const { instance, staff } = await world();
    for (let i = 0; i < 7; i++) await buildWorkflow({ instance, name: `Same name` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/workflows?instance=${instance.id}&limit=3&order=-name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await staff('GET', query);
      seen.push(...page.body.data.map((w: WorkflowBody) => w.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});

describe('GET /workflows/{id}', () => {
  it('gives the last 30 days from the rollups, equal to the stats of that workflow', async () => {
    const { instance, acme, acmeApi } = await world();
    const workflow = await buildWorkflow({ instance, client: acme, minutesSavedPerRun: '2.50' });
    await pushRuns({
      instance,
      workflow,
      runs: [
        { startedAt: daysAgo(1), durationMs: 1000 },
        { startedAt: daysAgo(2), durationMs: 3000 },
        { startedAt: daysAgo(2), status: 'error', durationMs: 2000 },
        { startedAt: daysAgo(40), durationMs: 9000 },
      ],
    });
    const detail = await acmeApi('GET', `/workflows/${workflow.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.last30Days).toEqual({ total: 3, success: 2, error: 1, successRate: 2 / 3, avgDurationMs: 2000, minutesSaved: 5 });
    const stats = await acmeApi('GET', `/executions/stats?workflow=${workflow.id}&days=30`);
    const { total, success, error, successRate, avgDurationMs, minutesSaved } = stats.body;
    expect({ total, success, error, successRate, avgDurationMs, minutesSaved }).toEqual(detail.body.last30Days);
  });

  it("answers 404 for another client's workflow, for clients and their tokens alike", async () => {
    const { instance, globex, acmeApi } = await world();
    const theirs = await buildWorkflow({ instance, client: globex });
    const result = await acmeApi('GET', `/workflows/${theirs.id}`);
    expect([result.status, result.body.error.code]).toEqual([404, 'not_found']);
    expect(JSON.stringify(result.body)).not.toContain(theirs.name);
    expect((await acmeApi('GET', `/executions/stats?workflow=${theirs.id}`)).status).toBe(404);
  });
});

describe('PATCH /workflows/{id}', () => {
  it('assigns a workflow to a client, moving its history to that client in the same step', async () => {
    const { instance, acme, globex, staff, acmeApi, globexApi } = await world();
    const workflow = await buildWorkflow({ instance, client: acme, minutesSavedPerRun: '3' });
    await pushRuns({ instance, workflow, runs: [{ startedAt: daysAgo(1) }, { startedAt: daysAgo(5) }, { startedAt: daysAgo(5), status: 'error' }] });
    expect((await acmeApi('GET', '/executions/stats')).body.total).toBe(3);

    const moved = await staff('PATCH', `/workflows/${workflow.id}`, { clientId: globex.id, minutesSavedPerRun: 7.5, expectedIntervalMinutes: 60 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ client: { id: globex.id }, minutesSavedPerRun: 7.5, expectedIntervalMinutes: 60, last30Days: { total: 3, minutesSaved: 15 } });
    expect(await ExecutionDaily.count({ where: { workflowId: workflow.id, clientId: globex.id } })).toBe(2);
    expect((await acmeApi('GET', '/executions/stats')).body).toMatchObject({ total: 0, minutesSaved: 0 });
    expect((await globexApi('GET', '/executions/stats')).body).toMatchObject({ total: 3, success: 2, error: 1, minutesSaved: 15 });
    expect((await acmeApi('GET', `/workflows/${workflow.id}`)).status).toBe(404);

    const audit = await AuditLogEntry.findOne({ where: { action: 'workflow.update', targetId: workflow.id } });
    expect(audit?.metadata).toMatchObject({ clientFrom: acme.id, clientTo: globex.id });
  });

  it('unassigns a workflow, and its runs leave the client dashboard', async () => {
    const { instance, acme, staff, acmeApi } = await world();
    const workflow = await buildWorkflow({ instance, client: acme });
    await pushRuns({ instance, workflow, runs: [{ startedAt: daysAgo(2) }] });
    const result = await staff('PATCH', `/workflows/${workflow.id}`, { clientId: null });
    expect([result.status, result.body.client]).toEqual([200, null]);
    expect((await acmeApi('GET', '/executions/stats')).body.total).toBe(0);
    expect((await staff('GET', `/workflows?unassigned=true&instance=${instance.id}`)).body.data.map((w: WorkflowBody) => w.id)).toEqual([workflow.id]);
  });

  it('refuses bad values with field details, an unknown client, an empty body, and clients', async () => {
    const { instance, acme, staff, acmeApi } = await world();
    const workflow = await buildWorkflow({ instance, client: acme });
    const bad = await staff('PATCH', `/workflows/${workflow.id}`, { minutesSavedPerRun: -1, expectedIntervalMinutes: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(['expectedIntervalMinutes', 'minutesSavedPerRun']);
    expect((await staff('PATCH', `/workflows/${workflow.id}`, { minutesSavedPerRun: 1.234 })).body.error.details.minutesSavedPerRun).toEqual(['use at most two decimals']);
    const unknown = await staff('PATCH', `/workflows/${workflow.id}`, { clientId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.error.details]).toEqual([400, { clientId: ['no such client'] }]);
    expect((await staff('PATCH', `/workflows/${workflow.id}`, {})).status).toBe(400);
    expect((await acmeApi('PATCH', `/workflows/${workflow.id}`, { minutesSavedPerRun: 99 })).status).toBe(403);
    expect((await staff('GET', `/workflows/${workflow.id}`)).body).toMatchObject({ client: { id: acme.id }, minutesSavedPerRun: 0 });
  });
});
