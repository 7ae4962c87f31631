import { http } from 'msw';
import { setupServer } from 'msw/node';
import { ExecutionDaily, ExecutionRun, N8nInstance, SyncRun, Workflow } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { reconcileInstance } from '~/services/reconcile.server';
import { sealSecret } from '~/services/secrets.server';
import { buildClient, buildWorkflow } from './factories';
import { FakeN8n } from './helpers/fake-n8n';
import { storedAndRecomputedClientRollups, storedAndRecomputedRollups } from './helpers/rollup-check';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let hosts = 0;
async function setup({ workflows = 3 }: { workflows?: number } = {}) {
  const fake = new FakeN8n({ baseUrl: `https://n8n-${++hosts}.fake.test` });
  server.use(...fake.handlers());
  const instance = await N8nInstance.create({
    name: `n8n ${hosts}`,
    baseUrl: fake.baseUrl,
    identity: fake.baseUrl,
    apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: fake.apiKey }),
    apiFlavor: null,
    lastSyncAt: null,
    lastSyncStatus: null,
    lastSyncError: null,
    syncWatermark: null,
    syncState: null,
  });
  const workflowIds = Array.from({ length: workflows }, (_, i) => fake.addWorkflow({ name: `Workflow ${i}` }).id);
  return { fake, instance, workflowIds };
}

/** What n8n has (started executions), as id -> status. */
function inN8n(fake: FakeN8n): Map<string, string> {
  return new Map([...fake.executions.values()].filter((e) => e.startedAt).map((e) => [String(e.id), e.status]));
}

async function stored(instanceId: string): Promise<Map<string, string>> {
  const runs = await ExecutionRun.findAll({ where: { instanceId }, attributes: ['n8nExecutionId', 'status'] });
  return new Map(runs.map((r) => [r.n8nExecutionId, r.status]));
}

async function expectExact(fake: FakeN8n, instanceId: string) {
  expect(Object.fromEntries(await stored(instanceId))).toEqual(Object.fromEntries(inN8n(fake)));
  const { stored: rollups, recomputed } = await storedAndRecomputedRollups({ instanceId });
  expect(rollups).toEqual(recomputed);
  const perClient = await storedAndRecomputedClientRollups();
  expect(perClient.stored).toEqual(perClient.recomputed);
}

const reconcile = (instanceId: string, options: Partial<Parameters<typeof reconcileInstance>[0]> = {}) => reconcileInstance({ instanceId, trigger: 'cli', ...options });

describe('reconcile', () => {
  it('stores 10,000 executions over many pages exactly, never asking for more than 250 at once', async () => {
    const { fake, instance, workflowIds } = await setup({ workflows: 5 });
    fake.addExecutions({ count: 10_000, workflowIds, from: new Date('2026-03-01T00:00:00Z'), statuses: ['success', 'success', 'error', 'crashed', 'canceled', 'waiting'] });

    const result = await reconcile(instance.id);

    expect(result.ok).toBe(true);
    await expectExact(fake, instance.id);
    expect(result.syncRun).toMatchObject({ status: 'ok', executionsSeen: 10_000, runsInserted: 10_000, runsUpdated: 0, workflowsSynced: 5, error: null });
    expect(result.syncRun.pages).toBe(41); // 40 pages of history and one of running executions
    const listing = fake.requestsTo('/executions');
    expect(listing.every((r) => r.query.limit === '250')).toBe(true);
    await instance.reload();
    expect(instance).toMatchObject({ lastSyncStatus: 'ok', syncState: null, syncWatermark: new Date(fake.executions.get(Math.max(...fake.executions.keys()))!.startedAt!) });
  });

  it('is exact when n8n answers 429 and 500 in the middle of the run', async () => {
    const { fake, instance, workflowIds } = await setup();
    fake.addExecutions({ count: 1_200, workflowIds, from: new Date('2026-03-02T00:00:00Z') });
    const nthListing = (n: number) => (r: { path: string }) => r.path === '/executions' && fake.requestsTo('/executions').length === n;
    fake.failRequests({ match: nthListing(3), status: 429, headers: { 'Retry-After': '0' } });
    fake.failRequests({ match: nthListing(5), status: 500 });

    const result = await reconcile(instance.id);

    expect(result.ok).toBe(true);
    await expectExact(fake, instance.id);
    expect(result.syncRun.runsInserted).toBe(1_200);
    // each failed page was asked for again with the same cursor
    const listing = fake.requestsTo('/executions');
    expect(listing[3]!.query.cursor).toBe(listing[2]!.query.cursor);
    expect(listing[5]!.query.cursor).toBe(listing[4]!.query.cursor);
  });

  it('resumes after a crash where it stopped, exact and without duplicates', async () => {
    const { fake, instance, workflowIds } = await setup();
    fake.addExecutions({ count: 2_000, workflowIds, from: new Date('2026-03-03T00:00:00Z') });
    let pages = 0;
    const crash = reconcile(instance.id, {
      onProgress: ({ phase }) => {
        if (phase === 'executions' && ++pages === 4) throw new Error('the process was killed');
      },
    });
    await expect(crash).rejects.toThrow('the process was killed');
    await instance.reload();
    const savedCursor = (instance.syncState as { cursor: string }).cursor;
    expect(savedCursor).toBeTruthy();
    expect((await stored(instance.id)).size).toBe(1_000); // four committed pages
    // a process killed outright leaves its sync run "running"
    const orphan = await SyncRun.create({ instanceId: instance.id, trigger: 'schedule', status: 'running', finishedAt: null, error: null });
    // meanwhile n8n kept running workflows
    fake.addExecutions({ count: 300, workflowIds, from: new Date('2026-03-05T00:00:00Z') });
    const requestsBefore = fake.requestsTo('/executions').length;

    const resumed = await reconcile(instance.id);

    expect(resumed.ok).toBe(true);
    expect(fake.requestsTo('/executions')[requestsBefore]!.query.cursor).toBe(savedCursor);
    await expectExact(fake, instance.id);
    const runs = await SyncRun.findAll({ where: { instanceId: instance.id } });
    expect(runs.reduce((sum, run) => sum + run.runsInserted, 0)).toBe(2_300);
    expect(await orphan.reload()).toMatchObject({ status: 'error', error: expect.stringContaining('Interrupted') });
  });

  it('fills in pushes that were lost while the portal was down, after one reconcile, keeping what pushes added', async () => {
    const { fake, instance, workflowIds } = await setup();
    fake.addExecutions({ count: 400, workflowIds, from: new Date('2026-03-06T00:00:00Z') });
    await reconcile(instance.id);
    const missed = fake.addExecutions({ count: 300, workflowIds, from: new Date('2026-03-06T08:00:00Z'), statuses: ['success', 'error'] });
    // only every third run's push arrived
    const pushed = missed.filter((_, i) => i % 3 === 0);
    await recordRuns({
      instanceId: instance.id,
      source: 'push',
      reports: pushed.map((e) => ({ executionId: String(e.id), workflowId: e.workflowId, status: e.status, startedAt: e.startedAt!, errorMessage: e.status === 'error' ? `boom ${e.id}` : undefined })),
    });

    await reconcile(instance.id);

    await expectExact(fake, instance.id);
    const failedPush = pushed.find((e) => e.status === 'error')!;
    expect(await ExecutionRun.findOne({ where: { instanceId: instance.id, n8nExecutionId: String(failedPush.id) } })).toMatchObject({ errorMessage: `boom ${failedPush.id}`, source: 'backfill' });
  });

  it('keeps runs that n8n has pruned, in the runs and in the daily totals', async () => {
    const { fake, instance, workflowIds } = await setup();
    fake.addExecutions({ count: 500, workflowIds, from: new Date('2026-02-01T00:00:00Z'), everyMs: 3_600_000 });
    await reconcile(instance.id);
    const before = await stored(instance.id);
    const totalBefore = await ExecutionDaily.sum('total', { where: { workflowId: (await Workflow.findAll({ where: { instanceId: instance.id } })).map((w) => w.id) } });
    fake.prune((e) => e.id < 400);
    fake.addExecutions({ count: 50, workflowIds, from: new Date('2026-03-01T00:00:00Z') });

    await reconcile(instance.id, { full: true });

    const after = await stored(instance.id);
    expect([...before.keys()].every((id) => after.has(id))).toBe(true);
    expect(after.size).toBe(550);
    const totalAfter = await ExecutionDaily.sum('total', { where: { workflowId: (await Workflow.findAll({ where: { instanceId: instance.id } })).map((w) => w.id) } });
    expect(totalAfter).toBe(totalBefore + 50);
  });

  it('moves running and waiting runs to their final status once n8n finishes them', async () => {
    const { fake, instance, workflowIds } = await setup();
    const now = Date.now();
    fake.addExecutions({ count: 20, workflowIds, from: new Date(now - 6 * 3_600_000) });
    const running = fake.addExecution({ workflowId: workflowIds[0]!, status: 'running', startedAt: new Date(now - 5 * 3_600_000).toISOString() });
    const waiting = fake.addExecution({ workflowId: workflowIds[1]!, status: 'waiting', startedAt: new Date(now - 5 * 3_600_000).toISOString() });
    // a busy afternoon: the next pass stops a page before reaching the two
    fake.addExecutions({ count: 300, workflowIds, from: new Date(now - 5 * 3_600_000 + 60_000), everyMs: 30_000 });
    fake.addExecutions({ count: 20, workflowIds, from: new Date(now - 60_000), everyMs: 1000 });
    await reconcile(instance.id);
    expect(Object.fromEntries([...(await stored(instance.id))].filter(([id]) => [String(running.id), String(waiting.id)].includes(id)))).toEqual({ [running.id]: 'running', [waiting.id]: 'waiting' });

    // both started hours before the watermark, so only the re-check of unfinished runs sees them finish
    fake.finishExecution(running.id, 'success');
    fake.finishExecution(waiting.id, 'error');
    const result = await reconcile(instance.id);

    await expectExact(fake, instance.id);
    expect(result.syncRun.runsUpdated).toBe(2);
    expect(fake.requestsTo(`/executions/${running.id}`)).toHaveLength(1);
  });

  it('syncs workflows: names, active flags, tags, client:<slug> assignment (with its rollups) and archiving', async () => {
    const { fake, instance, workflowIds } = await setup({ workflows: 2 });
    const client = await buildClient({ slug: 'acme-logistics' });
    const tagged = fake.addWorkflow({ name: 'Invoice OCR', active: false, tags: ['finance', 'client:acme-logistics'] });
    fake.addExecutions({ count: 30, workflowIds: [tagged.id, ...workflowIds], from: new Date('2026-03-07T00:00:00Z') });
    // pushed before the workflow was assigned: its rollups have no client yet
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: '999999', workflowId: tagged.id, status: 'success', startedAt: '2026-03-06T12:00:00.000Z' }] });
    const staffAssigned = await buildClient();
    await buildWorkflow({ instance, n8nWorkflowId: workflowIds[0]!, client: staffAssigned });

    await reconcile(instance.id);

    const workflow = (await Workflow.findOne({ where: { instanceId: instance.id, n8nWorkflowId: tagged.id } }))!;
    expect(workflow).toMatchObject({ name: 'Invoice OCR', active: false, status: 'paused', tags: ['finance', 'client:acme-logistics'], clientId: client.id, archivedAt: null });
    const days = await ExecutionDaily.findAll({ where: { workflowId: workflow.id } });
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d.clientId === client.id)).toBe(true);
    expect((await Workflow.findOne({ where: { instanceId: instance.id, n8nWorkflowId: workflowIds[0]! } }))!.clientId).toBe(staffAssigned.id);

    fake.workflows.delete(workflowIds[1]!);
    fake.workflows.get(tagged.id)!.name = 'Invoice OCR v2';
    await reconcile(instance.id);
    expect((await Workflow.findOne({ where: { instanceId: instance.id, n8nWorkflowId: workflowIds[1]! } }))!.archivedAt).not.toBeNull();
    expect((await workflow.reload()).name).toBe('Invoice OCR v2');
  });

  it('pages only back to the watermark minus the overlap, or to --since', async () => {
    const { fake, instance, workflowIds } = await setup();
    fake.addExecutions({ count: 2_000, workflowIds, from: new Date('2026-03-08T00:00:00Z') });
    await reconcile(instance.id);
    fake.addExecutions({ count: 10, workflowIds, from: new Date('2026-03-09T10:00:00Z') });
    const before = fake.requestsTo('/executions').length;
    await reconcile(instance.id);
    // 10 new runs and one hour of overlap (60 runs) fit in one page, plus the running ones
    expect(fake.requestsTo('/executions').length - before).toBe(2);

    const since = await reconcile(instance.id, { since: new Date('2026-03-08T00:00:00Z') });
    expect(since.syncRun.pages).toBe(Math.ceil(2_010 / 250) + 1);
    await expectExact(fake, instance.id);
  });

  it('records a refused key on the sync run and the instance without throwing', async () => {
    const { fake, instance } = await setup();
    await instance.update({ apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'revoked-key' }) });
    const result = await reconcile(instance.id);
    expect(result).toMatchObject({ ok: false, syncRun: { status: 'error', error: expect.stringContaining('401') } });
    expect(await instance.reload()).toMatchObject({ lastSyncStatus: 'error', lastSyncError: expect.stringContaining('API key') });
    expect(fake.requests).toHaveLength(1);
  });

  it('runs one sync per instance at a time', async () => {
    const { fake, instance, workflowIds } = await setup();
    fake.addExecutions({ count: 1_000, workflowIds, from: new Date('2026-03-10T00:00:00Z') });
    // n8n holds the first sync's first request until the second sync has been tried: a fast sync could
    // otherwise end before the second one's lock attempt (a connection of its own) and both would run
    let held = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${fake.baseUrl}/api/v1/workflows`, async () => {
        held = true;
        await released;
      }, { once: true }),
    );
    const first = reconcile(instance.id);
    while (!held) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await reconcile(instance.id).then(
      (value) => ({ status: 'fulfilled' as const, value }),
      (reason: unknown) => ({ status: 'rejected' as const, reason }),
    );
    release();
    const results = [await first.then((value) => ({ status: 'fulfilled' as const, value })), second];
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.message).toContain('already running');
    await expectExact(fake, instance.id);
  });
});
