import type { BenchContext } from '../lib/context';
import { runLoad, type LoadResult } from '../lib/load';
import { startProcess, ROOT } from '../lib/portal';
import { printTopStatements, withClient } from '../lib/postgres';
import { buildBatches, buildSinglePushes } from '../lib/reports';
import { atLeastTimes, atMostTimes, pairedRounds, type BenchmarkOutcome } from '../lib/results';
import { createWorld, useDatabase, type World } from '../lib/world';

const BATCH_SIZE = 100;

type Target = { url: string; token?: string; world: World; databaseUrl: string; stop: () => Promise<void>; pause: () => void; resume: () => void };

/** A fresh database with the agency, and either the portal or the bare baseline handler on it. */
async function startTarget({ context, name, kind }: { context: BenchContext; name: string; kind: 'portal' | 'baseline' }): Promise<Target> {
  const databaseUrl = await context.pg.createDatabase(name);
  await useDatabase(databaseUrl);
  const world = await createWorld({ clients: 20, workflowsPerClient: 10 });
  const server = kind === 'portal' ? await startProcess({ name, databaseUrl }) : await startProcess({ name, databaseUrl, script: 'bench/baseline-server.ts', cwd: ROOT });
  return { url: server.url, token: kind === 'portal' ? world.staff.token : undefined, world, databaseUrl, stop: server.stop, pause: server.pause, resume: server.resume };
}

async function push({ target, bodies, connections }: { target: Target; bodies: string[]; connections: number }): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) };
  return runLoad({ url: target.url, connections, amount: bodies.length, expectStatus: 201, next: (i) => ({ method: 'POST', path: '/api/v1/executions', body: bodies[i], headers }) });
}

/** Pushes `build`'s bodies and checks that every new run landed. */
async function measure({ target, build, connections }: { target: Target; build: (world: World) => { bodies: string[]; unique: number }; connections: number }) {
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

/** Checks that the portal's rollups, per workflow and per client, count exactly its runs (so the speed was not bought with skipped work). */
async function checkRollups(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ runs: string; rolled: string; clients: string }>(
      `SELECT (SELECT count(*) FROM execution_runs) AS runs, (SELECT coalesce(sum(total), 0) FROM execution_daily) AS rolled,
              (SELECT coalesce(sum(total), 0) FROM execution_client_daily) AS clients`,
    );
    const { runs, rolled, clients } = rows[0]!;
    return [
      ...(runs === rolled ? [] : [`rollups count ${rolled} runs, the table holds ${runs}`]),
      ...(clients === rolled ? [] : [`per-client rollups count ${clients} runs, the per-workflow ones ${rolled}`]),
    ];
  });
}

/**
 * Ingest (batches) and single push, against the bare baseline and the portal, each on its own database.
 * Both processes run for the whole benchmark, and the measurements alternate between them in rounds (new
 * execution ids each round; the side measured first swaps every round, so drift on a shared machine falls
 * on both). While one side is measured, the other is paused (SIGSTOP): the portal's background work (alert
 * checks, emails) never runs during a baseline measurement. Each side's figure is the median of its rounds;
 * each ratio is the median of the rounds' own ratios (pairedRounds).
 */
export async function benchIngest(context: BenchContext): Promise<BenchmarkOutcome> {
  const { sizes } = context;
  const kinds = ['baseline', 'portal'] as const;
  const batches = { baseline: [] as LoadResult[], portal: [] as LoadResult[] };
  const singles = { baseline: [] as LoadResult[], portal: [] as LoadResult[] };
  const errors: string[] = [];
  const targets = {} as Record<(typeof kinds)[number], Target>;
  try {
    for (const kind of kinds) targets[kind] = await startTarget({ context, name: `bench_ingest_${kind}`, kind });
    // one side at a time: the other is frozen meanwhile
    const alone = async <T>(kind: (typeof kinds)[number], work: (target: Target) => Promise<T>): Promise<T> => {
      const other = targets[kind === 'portal' ? 'baseline' : 'portal'];
      other.pause();
      try {
        return await work(targets[kind]);
      } finally {
        other.resume();
      }
    };
    for (const kind of kinds) {
      await alone(kind, async (target) => {
        await push({ target, bodies: buildBatches({ world: target.world, runs: sizes.warmUp * 2 * BATCH_SIZE, batchSize: BATCH_SIZE, duplicateShare: 0.2, firstId: 900_000_000 }).bodies, connections: sizes.ingestConnections });
        await push({ target, bodies: buildSinglePushes({ world: target.world, count: sizes.warmUp * 10, firstId: 950_000_000 }), connections: 16 });
      });
    }
    for (let round = 0; round < sizes.rounds; round++) {
      const order = round % 2 === 0 ? kinds : ([...kinds].reverse() as unknown as typeof kinds);
      for (const kind of order) {
        context.log(`ingest round ${round + 1}/${sizes.rounds}: ${sizes.ingestRuns} runs in batches of ${BATCH_SIZE} over ${sizes.ingestConnections} connections → ${kind}`);
        const result = await alone(kind, (target) =>
          measure({ target, connections: sizes.ingestConnections, build: (world) => buildBatches({ world, runs: sizes.ingestRuns, batchSize: BATCH_SIZE, duplicateShare: 0.2, firstId: 1 + round * 10_000_000 }) }),
        );
        batches[kind].push(result);
        errors.push(...result.failures.map((f) => `ingest ${kind}: ${f}`));
        await printTopStatements(targets[kind].databaseUrl, `ingest batches → ${kind}`);
      }
      for (const kind of order) {
        context.log(`single push round ${round + 1}/${sizes.rounds}: ${sizes.singlePushes} single-run pushes over 16 connections → ${kind}`);
        const result = await alone(kind, (target) =>
          measure({ target, connections: 16, build: (world) => ({ bodies: buildSinglePushes({ world, count: sizes.singlePushes, firstId: 500_000_000 + round * 1_000_000 }), unique: sizes.singlePushes }) }),
        );
        singles[kind].push(result);
        errors.push(...result.failures.map((f) => `single push ${kind}: ${f}`));
        await printTopStatements(targets[kind].databaseUrl, `single pushes → ${kind}`);
      }
    }
    errors.push(...(await checkRollups(targets.portal.databaseUrl)).map((f) => `ingest: ${f}`));
  } finally {
    for (const target of Object.values(targets)) await target.stop();
  }
  // every round measured both sides back to back: each figure is paired by round (pairedRounds)
  const throughput = (count: number, runs: typeof batches) =>
    pairedRounds({ baselineRounds: runs.baseline.map((r) => (count / r.durationMs) * 1000), valueRounds: runs.portal.map((r) => (count / r.durationMs) * 1000) });
  const batchThroughput = throughput(sizes.ingestRuns, batches);
  const batchP99 = pairedRounds({ baselineRounds: batches.baseline.map((r) => r.p99), valueRounds: batches.portal.map((r) => r.p99) });
  const singleThroughput = throughput(sizes.singlePushes, singles);
  return {
    errors,
    entries: [
      atLeastTimes({ benchmark: 'ingest', name: 'throughput', unit: 'runs/s', min: 0.6, ...batchThroughput, note: `${batchThroughput.note}, of ${sizes.ingestRuns} runs each` }),
      atMostTimes({ benchmark: 'ingest', name: 'p99 per batch', unit: 'ms', max: 2, ...batchP99 }),
      atLeastTimes({ benchmark: 'single push', name: 'throughput', unit: 'pushes/s', min: 0.6, ...singleThroughput, note: `${singleThroughput.note}, of ${sizes.singlePushes} pushes each` }),
    ],
  };
}
