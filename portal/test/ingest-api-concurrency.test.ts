import { sqlIn } from '~/lib/raw-sql.server';
import type { ExecutionReport } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import { ExecutionDaily, ExecutionRun, getDb, Workflow } from '~/models/index.server';
import { addToRollupRowsSql } from '~/services/rollups.server';
import { applyIngestSettings } from '~/services/ingest.server';
import { seededRandom } from '~/services/sample-data/runs';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { storedAndRecomputedClientRollups, storedAndRecomputedRollups } from './helpers/rollup-check';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const FINALS = ['success', 'success', 'success', 'success', 'error', 'crashed', 'canceled'] as const;

/** Executions over the last `days` days, many of them close to midnight so that days meet across batches. */
function makeExecutions({ count, workflowIds, days, seed }: { count: number; workflowIds: string[]; days: number; seed: number }) {
  const random = seededRandom(seed);
  const midnight = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  return Array.from({ length: count }, (_, i) => {
    const day = Math.floor(random() * days);
    const offset = random() < 0.5 ? 86_400_000 - Math.floor(random() * 600_000) : Math.floor(random() * 86_400_000);
    const report: ExecutionReport = {
      executionId: String(50_000 + i),
      workflowId: workflowIds[i % workflowIds.length]!,
      status: FINALS[Math.floor(random() * FINALS.length)]!,
      mode: random() < 0.5 ? 'trigger' : 'webhook',
      startedAt: new Date(midnight - (day + 1) * 86_400_000 + offset).toISOString(),
      durationMs: Math.floor(random() * 20_000),
    };
    return report;
  });
}

/** Deals the executions into batches, adding 30 % duplicates (same run again, or an earlier "running" report of it). */
function dealBatches({ executions, batches, seed }: { executions: ExecutionReport[]; batches: number; seed: number }) {
  const random = seededRandom(seed);
  const dealt: ExecutionReport[][] = Array.from({ length: batches }, () => []);
  executions.forEach((execution, i) => dealt[i % batches]!.push(execution));
  const duplicates = Math.round((executions.length * 0.3) / 0.7);
  for (let i = 0; i < duplicates; i++) {
    const original = executions[Math.floor(random() * executions.length)]!;
    const copy = random() < 0.5 ? { ...original } : { ...original, status: 'running' as const, durationMs: undefined };
    dealt[Math.floor(random() * batches)]!.push(copy);
  }
  for (const batch of dealt) batch.sort(() => random() - 0.5);
  return dealt;
}

describe('ingest through the API under concurrency', () => {
  it('counts exactly under 16 concurrent batches with 30 % duplicates, and the stats equal a recomputation', async () => {
    const instance = await buildInstance();
    const client = await buildClient();
    const workflows = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id, i) => buildWorkflow({ instance, client, n8nWorkflowId: `wf-${id}`, minutesSavedPerRun: (i * 1.25 + 0.5).toFixed(2) })));
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' }), ['ingest']));
    const executions = makeExecutions({ count: 2240, workflowIds: workflows.map((w) => w.n8nWorkflowId), days: 12, seed: 99 });
    const batches = dealBatches({ executions, batches: 16, seed: 7 });
    expect(batches.every((b) => b.length <= 500)).toBe(true);
    const sent = batches.reduce((sum, b) => sum + b.length, 0);
    expect(sent).toBe(3200);

    const results = await Promise.all(batches.map((runs) => staff('POST', '/executions', { instance: instance.identity, runs })));
    expect(results.map((r) => r.status)).toEqual(batches.map(() => 201));
    const total = (key: 'accepted' | 'created') => results.reduce((sum, r) => sum + r.body[key], 0);
    expect(total('accepted')).toBe(sent);
    expect(total('created')).toBe(executions.length);
    batches.forEach((batch, i) => {
      const { created, updated, unchanged } = results[i]!.body;
      expect(created + updated + unchanged).toBe(new Set(batch.map((r) => r.executionId)).size);
    });

    const { stored, recomputed } = await storedAndRecomputedRollups({ instanceId: instance.id });
    expect(stored).toEqual(recomputed);
    const perClient = await storedAndRecomputedClientRollups();
    expect(perClient.stored.length).toBeGreaterThanOrEqual(12);
    expect(perClient.stored).toEqual(perClient.recomputed);

    // what a client sees equals the same figures computed straight from the generated runs
    const stats = (await apiClient(portal.url, await tokenFor(await buildUser({ client })))('GET', '/executions/stats?days=30')).body;
    const minutes = new Map(workflows.map((w) => [w.n8nWorkflowId, Number(w.minutesSavedPerRun)]));
    const count = (status: readonly string[]) => executions.filter((e) => status.includes(e.status)).length;
    const expectedMinutes = executions.filter((e) => e.status === 'success').reduce((sum, e) => sum + minutes.get(e.workflowId)!, 0);
    expect(stats).toMatchObject({
      total: executions.length,
      success: count(['success']),
      error: count(['error', 'crashed']),
      successRate: count(['success']) / count(['success', 'error', 'crashed']),
      avgDurationMs: Math.round(executions.reduce((sum, e) => sum + e.durationMs!, 0) / executions.length),
      minutesSaved: Math.round(expectedMinutes * 100) / 100,
    });
    for (const point of stats.series) {
      const ofDay = executions.filter((e) => e.startedAt.slice(0, 10) === point.day);
      expect([point.day, point.total, point.success]).toEqual([point.day, ofDay.length, ofDay.filter((e) => e.status === 'success').length]);
    }
  });

  it('keeps every rollup row on the right client when a workflow is reassigned while runs arrive', async () => {
    const instance = await buildInstance();
    const [first, second] = [await buildClient(), await buildClient()];
    const workflow = await buildWorkflow({ instance, client: first, n8nWorkflowId: 'wf-moving' });
    const staffUser = await buildUser({ role: 'staff' });
    const staff = apiClient(portal.url, await tokenFor(staffUser));
    const executions = makeExecutions({ count: 1600, workflowIds: ['wf-moving'], days: 25, seed: 3 });
    const batches = dealBatches({ executions, batches: 16, seed: 5 });

    const ingests = Promise.all(batches.map((runs) => staff('POST', '/executions', { instance: instance.identity, runs })));
    const moves = (async () => {
      const statuses: number[] = [];
      for (const target of [second, first, second, first, second]) statuses.push((await staff('PATCH', `/workflows/${workflow.id}`, { clientId: target.id })).status);
      return statuses;
    })();
    const [ingested, moved] = await Promise.all([ingests, moves]);
    expect(ingested.map((r) => r.status)).toEqual(batches.map(() => 201));
    expect(moved).toEqual([200, 200, 200, 200, 200]);

    await workflow.reload();
    expect(workflow.clientId).toBe(second.id);
    const clients = await ExecutionDaily.findAll({ where: { workflowId: workflow.id }, attributes: ['clientId'] });
    expect(clients.length).toBeGreaterThan(20);
    expect(clients.filter((row) => row.clientId !== second.id)).toEqual([]);
    const [{ runs }] = await getDb().query<{ runs: number }>('SELECT count(*)::int AS runs FROM execution_runs WHERE workflow_id = $1', { bind: [workflow.id], type: QueryTypes.SELECT });
    const secondStats = (await staff('GET', `/executions/stats?client=${second.id}&days=30`)).body;
    expect([runs, secondStats.total]).toEqual([executions.length, executions.length]);
    expect((await staff('GET', `/executions/stats?client=${first.id}&days=30`)).body.total).toBe(0);
    expect(await Workflow.count({ where: { instanceId: instance.id } })).toBe(1);
    const perClient = await storedAndRecomputedClientRollups();
    expect(perClient.stored).toEqual(perClient.recomputed);
  });

  it('keeps the minutes saved exact when the minutes per run change while runs arrive', async () => {
    const instance = await buildInstance();
    const client = await buildClient();
    const workflow = await buildWorkflow({ instance, client, n8nWorkflowId: 'wf-repriced', minutesSavedPerRun: '1.00' });
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const executions = makeExecutions({ count: 1600, workflowIds: ['wf-repriced'], days: 25, seed: 11 });
    const batches = dealBatches({ executions, batches: 16, seed: 13 });

    const ingests = Promise.all(batches.map((runs) => staff('POST', '/executions', { instance: instance.identity, runs })));
    const changes = (async () => {
      const statuses: number[] = [];
      for (const minutes of [2, 0.5, 7.25, 3]) statuses.push((await staff('PATCH', `/workflows/${workflow.id}`, { minutesSavedPerRun: minutes })).status);
      return statuses;
    })();
    const [ingested, changed] = await Promise.all([ingests, changes]);
    expect(ingested.map((r) => r.status)).toEqual(batches.map(() => 201));
    expect(changed).toEqual([200, 200, 200, 200]);

    const perWorkflow = await storedAndRecomputedRollups({ instanceId: instance.id });
    expect(perWorkflow.stored).toEqual(perWorkflow.recomputed);
    const perClient = await storedAndRecomputedClientRollups();
    expect(perClient.stored).toEqual(perClient.recomputed);
    // every success counts at the last rate, whenever it arrived
    const successes = executions.filter((e) => e.status === 'success').length;
    expect((await staff('GET', `/executions/stats?client=${client.id}&days=30`)).body.minutesSaved).toBe(successes * 3);
  });

  it('moves the rollup row of an ingest that is still in flight when the workflow is reassigned', async () => {
    const instance = await buildInstance();
    const [first, second] = [await buildClient(), await buildClient()];
    const workflow = await buildWorkflow({ instance, client: first });
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const db = getDb();
    const startedAt = new Date(Date.now() - 86_400_000);

    // an ingest that has written its run, its (new) rollup row and the per-client sums with the old client,
    // with the ingest's own statements, not yet committed
    const ingest = await db.transaction();
    const sql = sqlIn(ingest);
    const day = startedAt.toISOString().slice(0, 10);
    await applyIngestSettings(sql);
    await ExecutionRun.create({ instanceId: instance.id, n8nExecutionId: '1', workflowId: workflow.id, status: 'success', startedAt, stoppedAt: null, durationMs: 10, errorMessage: null, errorNode: null, retryOf: null, itemCount: null, source: 'push' }, { transaction: ingest });
    const run = `(SELECT $1::uuid AS workflow_id, $2::date AS day, true AS inserted, 'success'::text AS status, 'webhook'::text AS mode, 10 AS duration_ms)`;
    await sql(`WITH ${addToRollupRowsSql(run)} SELECT 1`, [workflow.id, day]);

    let settled = false;
    const move = staff('PATCH', `/workflows/${workflow.id}`, { clientId: second.id }).finally(() => (settled = true));
    // the reassignment either waits for the ingest (then it must move its row) or has already finished
    while (!settled && !(await isAnyoneWaitingForALock())) await new Promise((resolve) => setTimeout(resolve, 20));
    await ingest.commit();
    expect((await move).status).toBe(200);

    const rows = await ExecutionDaily.findAll({ where: { workflowId: workflow.id } });
    expect(rows.map((row) => [row.total, row.clientId])).toEqual([[1, second.id]]);
    const clients = await storedAndRecomputedClientRollups();
    expect(clients.stored).toEqual(clients.recomputed);
    expect(clients.stored.filter((row) => row.day === day).map((row) => [row.client_id, row.total])).toContainEqual([second.id, 1]);
  });
});

async function isAnyoneWaitingForALock() {
  const [{ waiting }] = await getDb().query<{ waiting: number }>(
    "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    { type: QueryTypes.SELECT },
  );
  return waiting > 0;
}
