import type { BenchContext } from '../lib/context';
import { runLoad, type LoadResult } from '../lib/load';
import { startProcess, ROOT } from '../lib/portal';
import { printTopStatements, withClient } from '../lib/postgres';
import { buildBatches, buildSinglePushes } from '../lib/reports';
import { atLeastTimes, atMostTimes, type BenchmarkOutcome } from '../lib/results';
import { createWorld, useDatabase, type World } from '../lib/world';

const BATCH_SIZE = 100;

type Target = { url: string; token?: string; world: World; databaseUrl: string; stop: () => Promise<void> };

/** A fresh database with the agency, and either the portal or the bare baseline handler on it. */
async function startTarget({ context, name, kind }: { context: BenchContext; name: string; kind: 'portal' | 'baseline' }): Promise<Target> {
  const databaseUrl = await context.pg.createDatabase(name);
  await useDatabase(databaseUrl);
  const world = await createWorld({ clients: 20, workflowsPerClient: 10 });
  const server = kind === 'portal' ? await startProcess({ name, databaseUrl }) : await startProcess({ name, databaseUrl, script: 'bench/baseline-server.ts', cwd: ROOT });
  return { url: server.url, token: kind === 'portal' ? world.staff.token : undefined, world, databaseUrl, stop: server.stop };
}

async function push({ target, bodies, connections }: { target: Target; bodies: string[]; connections: number }): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) };
  return runLoad({ url: target.url, connections, amount: bodies.length, expectStatus: 201, next: (i) => ({ method: 'POST', path: '/api/v1/executions', body: bodies[i], headers }) });
}

/** Warms the server up on its own ids, then pushes `build`'s bodies and checks every run and rollup landed. */
async function measure({ target, build, connections, warmUp }: { target: Target; build: (world: World) => { bodies: string[]; unique: number }; connections: number; warmUp: string[] }) {
  await push({ target, bodies: warmUp, connections });
  const { bodies, unique } = build(target.world);
  const before = await countRuns(target.databaseUrl);
  const result = await push({ target, bodies, connections });
  const after = await countRuns(target.databaseUrl);
  if (after.runs - before.runs !== unique) result.failures.push(`stored ${after.runs - before.runs} new runs, expected ${unique}`);
  return result;
}

async function countRuns(databaseUrl: string) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ runs: string }>('SELECT count(*) AS runs FROM execution_runs');
    return { runs: Number(rows[0]!.runs) };
  });
}

/** Checks that the portal's rollups count exactly its runs (so the speed was not bought with skipped work). */
async function checkRollups(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ runs: string; rolled: string }>('SELECT (SELECT count(*) FROM execution_runs) AS runs, (SELECT coalesce(sum(total), 0) FROM execution_daily) AS rolled');
    const { runs, rolled } = rows[0]!;
    return runs === rolled ? [] : [`rollups count ${rolled} runs, the table holds ${runs}`];
  });
}

/**
 * Ingest (batches) and single push, each against the bare baseline and then the portal. Both workloads run
 * on the same two processes (single pushes after the batches, on new execution ids), which saves two
 * process starts and keeps the comparison the same: each portal figure against its own baseline figure.
 */
export async function benchIngest(context: BenchContext): Promise<BenchmarkOutcome> {
  const { sizes } = context;
  const batches = {} as Record<'baseline' | 'portal', LoadResult>;
  const singles = {} as Record<'baseline' | 'portal', LoadResult>;
  const errors: string[] = [];
  for (const kind of ['baseline', 'portal'] as const) {
    const target = await startTarget({ context, name: `bench_ingest_${kind}`, kind });
    try {
      context.log(`ingest: ${sizes.ingestRuns} runs in batches of ${BATCH_SIZE} over ${sizes.ingestConnections} connections → ${kind}`);
      await printTopStatements(target.databaseUrl, 'before');
      batches[kind] = await measure({
        target,
        connections: sizes.ingestConnections,
        warmUp: buildBatches({ world: target.world, runs: sizes.warmUp * 2 * BATCH_SIZE, batchSize: BATCH_SIZE, duplicateShare: 0.2, firstId: 900_000_000 }).bodies,
        build: (world) => buildBatches({ world, runs: sizes.ingestRuns, batchSize: BATCH_SIZE, duplicateShare: 0.2, firstId: 1 }),
      });
      errors.push(...batches[kind].failures.map((f) => `ingest ${kind}: ${f}`));
      await printTopStatements(target.databaseUrl, `ingest batches → ${kind}`);
      context.log(`single push: ${sizes.singlePushes} single-run pushes over 16 connections → ${kind}`);
      singles[kind] = await measure({
        target,
        connections: 16,
        warmUp: buildSinglePushes({ world: target.world, count: sizes.warmUp * 10, firstId: 950_000_000 }),
        build: (world) => ({ bodies: buildSinglePushes({ world, count: sizes.singlePushes, firstId: 500_000_000 }), unique: sizes.singlePushes }),
      });
      errors.push(...singles[kind].failures.map((f) => `single push ${kind}: ${f}`));
      await printTopStatements(target.databaseUrl, `single pushes → ${kind}`);
      if (kind === 'portal') errors.push(...(await checkRollups(target.databaseUrl)).map((f) => `ingest: ${f}`));
    } finally {
      await target.stop();
    }
  }
  const perSecond = (count: number, r: LoadResult) => (count / r.durationMs) * 1000;
  return {
    errors,
    entries: [
      atLeastTimes({ benchmark: 'ingest', name: 'throughput', unit: 'runs/s', baseline: perSecond(sizes.ingestRuns, batches.baseline), value: perSecond(sizes.ingestRuns, batches.portal), min: 0.6 }),
      atMostTimes({ benchmark: 'ingest', name: 'p99 per batch', unit: 'ms', baseline: batches.baseline.p99, value: batches.portal.p99, max: 2 }),
      atLeastTimes({ benchmark: 'single push', name: 'throughput', unit: 'pushes/s', baseline: perSecond(sizes.singlePushes, singles.baseline), value: perSecond(sizes.singlePushes, singles.portal), min: 0.6 }),
    ],
  };
}
