import { writeFileSync } from 'node:fs';
import { serveFakeN8n, type FakeN8n } from '../../portal/test/helpers/fake-n8n';
import { N8nInstance } from '../../portal/app/models/index.server';
import { sealSecret } from '../../portal/app/services/secrets.server';
import type { BenchContext } from '../lib/context';
import { readMemory, startProcess, type RunningProcess } from '../lib/portal';
import { printTopStatements, withClient } from '../lib/postgres';
import { atMost, atMostTimes, type BenchmarkOutcome } from '../lib/results';
import { createWorld, useDatabase } from '../lib/world';
import { benchNodeOverhead } from './node-overhead';

const PAGE_SIZE = 250;
const MB = 1024 * 1024;

/** The baseline: page through the fake n8n as the reconcile does (250 per page, n8n's cursor), writing nothing. */
async function pageRaw(fake: FakeN8n): Promise<{ ms: number; items: number }> {
  const started = performance.now();
  let cursor: string | null = null;
  let items = 0;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${fake.baseUrl}/api/v1/executions?${query}`, { headers: { 'x-n8n-api-key': fake.apiKey } });
    const page = (await response.json()) as { data: unknown[]; nextCursor: string | null };
    items += page.data.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { ms: performance.now() - started, items };
}

type SyncOutcome = { ms: number; wallMs: number; peakGrowth: number; status: string; error: string | null };

/**
 * "Sync now" through the API, then polls the sync run. `ms` is the run's own time (its startedAt to
 * finishedAt, as the portal recorded them); `wallMs` adds the job queue's pick-up delay. Peak RSS growth is
 * the portal's peak resident memory during the sync over its resident memory before.
 */
async function syncNow({ portal, instanceId, token }: { portal: RunningProcess; instanceId: string; token: string }): Promise<SyncOutcome> {
  const before = readMemory(portal.pid).rss;
  writeFileSync(`/proc/${portal.pid}/clear_refs`, '5'); // resets VmHWM, so the peak is this sync's
  const started = performance.now();
  const headers = { authorization: `Bearer ${token}` };
  const queued = await fetch(`${portal.url}/api/v1/n8n-instances/${instanceId}/sync`, { method: 'POST', headers });
  if (queued.status !== 202) throw new Error(`sync request answered ${queued.status}: ${await queued.text()}`);
  const { id } = (await queued.json()) as { id: string };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const run = (await (await fetch(`${portal.url}/api/v1/sync-runs/${id}`, { headers })).json()) as { status: string; startedAt: string; finishedAt: string | null; error: string | null };
    if (run.status === 'queued' || run.status === 'running') continue;
    const wallMs = performance.now() - started;
    return { ms: Date.parse(run.finishedAt!) - Date.parse(run.startedAt), wallMs, peakGrowth: readMemory(portal.pid).peak - before, status: run.status, error: run.error };
  }
}

/**
 * Waits (60 s at most) until the portal's job queue has no job due or running (the sync enqueues alert
 * checks for the workflows with failed runs), then vacuums and analyzes the tables the sync wrote, as
 * autovacuum would after 100,000 new rows. Returns how long that took.
 */
async function settle({ databaseUrl, waitForJobs }: { databaseUrl: string; waitForJobs: boolean }): Promise<number> {
  const started = performance.now();
  await withClient(databaseUrl, async (client) => {
    // the smoke run only keeps the benchmarks working: it does not wait (alert checks drain 10 per 2 s poll)
    const busy = async () =>
      Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()")).rows[0]!.n);
    while (waitForJobs && (await busy()) > 0 && performance.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 250));
    for (const table of ['execution_runs', 'execution_daily', 'execution_client_daily']) await client.query(`VACUUM ANALYZE ${table}`);
  });
  return performance.now() - started;
}

/** Backfill, then (on the same portal) node overhead. */
export async function benchBackfill(context: BenchContext): Promise<BenchmarkOutcome> {
  const count = context.sizes.backfillExecutions;
  const databaseUrl = await context.pg.createDatabase('bench_backfill');
  await useDatabase(databaseUrl);
  const world = await createWorld({ clients: 20, workflowsPerClient: 10 });
  const { fake, close } = await serveFakeN8n();
  for (const workflow of world.workflows) fake.addWorkflow({ id: workflow.n8nId, name: `Workflow ${workflow.n8nId}` });
  fake.addExecutions({ count, workflowIds: world.workflows.map((w) => w.n8nId), from: new Date(Date.now() - count * 60_000 - 3_600_000) });
  await N8nInstance.update({ baseUrl: fake.baseUrl, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: fake.apiKey }) }, { where: { id: world.instance.id } });
  const portal = await startProcess({ name: 'bench_backfill', databaseUrl });
  const errors: string[] = [];
  try {
    context.log(`backfill: paging ${count} executions raw (baseline)`);
    await pageRaw(fake); // warm-up: the fake's sort, connections
    const raw = await pageRaw(fake);
    if (raw.items !== count) errors.push(`backfill baseline paged ${raw.items} executions, expected ${count}`);
    await printTopStatements(databaseUrl, 'before the sync');
    context.log(`backfill: syncing ${count} executions through the portal`);
    const first = await syncNow({ portal, instanceId: world.instance.id, token: world.staff.token });
    const stored = await withClient(databaseUrl, async (client) => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM execution_runs')).rows[0]!.n));
    if (first.status !== 'ok' || stored !== count) errors.push(`backfill: sync ${first.status} (${first.error ?? 'no error'}), stored ${stored} of ${count} runs`);
    await printTopStatements(databaseUrl, 'the sync');
    context.log('backfill: syncing again with nothing new');
    const rerun = await syncNow({ portal, instanceId: world.instance.id, token: world.staff.token });
    if (rerun.status !== 'ok') errors.push(`backfill rerun: sync ${rerun.status} (${rerun.error ?? 'no error'})`);
    // the node-overhead benchmark reuses this portal (one process start less): its pushes are new runs. It
    // measures a push against a portal at rest, not one still busy with the sync's aftermath
    const settled = await settle({ databaseUrl, waitForJobs: !context.smoke });
    context.log(`backfill: the portal settled in ${(settled / 1000).toFixed(1)} s (job queue idle, tables vacuumed)`);
    const node = await benchNodeOverhead({ context, portalUrl: portal.url, token: world.staff.token });
    return {
      errors: [...errors, ...node.errors],
      entries: [
        atMostTimes({ benchmark: 'backfill', name: `time for ${count} executions`, unit: 'ms', baseline: raw.ms, value: first.ms, max: 2, note: `sync run's own time; ${Math.round(first.wallMs)} ms from "Sync now" including the job queue's pick-up` }),
        atMost({ benchmark: 'backfill', name: 'peak RSS growth', unit: 'MB', baseline: null, value: first.peakGrowth / MB, max: 150 }),
        atMost({ benchmark: 'backfill', name: 'rerun with nothing new', unit: 's', baseline: null, value: rerun.ms / 1000, max: 2, note: `${Math.round(rerun.wallMs)} ms from "Sync now" including the job queue's pick-up` }),
        ...node.entries,
      ],
    };
  } finally {
    await portal.stop();
    await close();
  }
}
