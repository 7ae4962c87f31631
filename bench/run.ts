// npm run bench [-- --smoke] [-- --only ingest,backfill]: runs the benchmarks of docs/PERFORMANCE.md against
// real portal processes, each on its own database of one embedded PostgreSQL, prints the table and writes
// bench/results.json (a full run) or bench/out/results.smoke.json (--smoke, which fails only on errors).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeDb } from '../portal/app/models/index.server';
import { benchBackfill } from './benchmarks/backfill';
import { benchDashboards } from './benchmarks/dashboards';
import { benchIngest } from './benchmarks/ingest';
import { FULL, SMOKE, type BenchContext } from './lib/context';
import { applyPortalEnv } from './lib/env';
import { OUT_DIR, ROOT } from './lib/portal';
import { startBenchPostgres } from './lib/postgres';
import { describeMachine, formatTable, type BenchmarkOutcome, type Entry } from './lib/results';
// @ts-expect-error a plain JS module, shared with the jest global setup
import { ensurePortalBuild } from '../scripts/portal-build.mjs';

const BENCHMARKS: Record<string, (context: BenchContext) => Promise<BenchmarkOutcome>> = {
  ingest: benchIngest, // and single push
  dashboards: benchDashboards,
  backfill: benchBackfill, // and node overhead, on the same portal
};

async function main() {
  const smoke = process.argv.includes('--smoke');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : Object.keys(BENCHMARKS);
  const unknown = only.filter((name) => !BENCHMARKS[name]);
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  applyPortalEnv();
  const started = Date.now();
  const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  await ensurePortalBuild({ root: ROOT, label: 'Building the portal for the benchmarks' });
  const pg = await startBenchPostgres();
  const context: BenchContext = { pg, sizes: smoke ? SMOKE : FULL, smoke, log };
  const entries: Entry[] = [];
  const errors: string[] = [];
  try {
    for (const name of only) {
      const outcome = await BENCHMARKS[name]!(context).catch((error: unknown) => ({ entries: [], errors: [`${name}: ${error instanceof Error ? error.stack : String(error)}`] }));
      entries.push(...outcome.entries);
      errors.push(...outcome.errors);
    }
  } finally {
    await closeDb();
    await pg.stop();
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const report = { mode: smoke ? 'smoke' : 'full', ranAt: new Date().toISOString(), seconds, machine: describeMachine(), sizes: context.sizes, results: entries, errors };
  mkdirSync(OUT_DIR, { recursive: true });
  const file = smoke || only.length < Object.keys(BENCHMARKS).length ? path.join(OUT_DIR, `results.${smoke ? 'smoke' : 'partial'}.json`) : path.join(ROOT, 'bench/results.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatTable(entries)}\n\n${seconds} s, written to ${path.relative(ROOT, file)}`);
  for (const error of errors) console.error(`ERROR ${error}`);
  const unmet = entries.filter((e) => !e.met);
  if (!smoke && unmet.length) console.log(`${unmet.length} target(s) not met: see docs/PERFORMANCE.md`);
  // smoke mode keeps the benchmarks working: it fails on errors, never on ratios (tiny sizes measure nothing)
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
