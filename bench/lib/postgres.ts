import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../portal/app/lib/embedded-postgres.server';

// One embedded PostgreSQL for the whole bench run; every benchmark gets its own database on it, so a
// benchmark never sees another's rows. The settings are the test suite's (no fsync): the bench measures the
// portal's code and queries, and the baselines run on the same server with the same settings.
export const PG_SETTINGS: Record<string, string> = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200', shared_buffers: '256MB' };
// BENCH_PG_STATEMENTS=1 loads pg_stat_statements, to see which statements the database spends its time on;
// BENCH_PG_STATEMENTS=all also counts the statements run inside functions and triggers
if (process.env.BENCH_PG_STATEMENTS) PG_SETTINGS.shared_preload_libraries = 'pg_stat_statements';
if (process.env.BENCH_PG_STATEMENTS === 'all') PG_SETTINGS['pg_stat_statements.track'] = 'all';

export type BenchPostgres = { server: EmbeddedPostgresHandle; createDatabase: (name: string) => Promise<string>; stop: () => Promise<void> };

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'monoliet-bench-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, settings: PG_SETTINGS });
  const created: string[] = [];
  return {
    server,
    createDatabase: async (name) => {
      await adminQuery(server, `CREATE DATABASE ${name}`);
      created.push(name);
      if (process.env.BENCH_PG_STATEMENTS) await withClient(server.url(name), (client) => client.query('CREATE EXTENSION pg_stat_statements'));
      return server.url(name);
    },
    stop: async () => {
      for (const name of created) await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(server: EmbeddedPostgresHandle, sql: string) {
  const client = new pg.Client(server.url('postgres'));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A short-lived pg client on a benchmark's database (seeding, EXPLAIN). */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** With BENCH_PG_STATEMENTS=1: prints the statements the database spent most time on since the last call. */
export async function printTopStatements(url: string, label: string) {
  if (!process.env.BENCH_PG_STATEMENTS) return;
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ calls: string; ms: string; mean: string; query: string }>(
      `SELECT calls, round(total_exec_time) AS ms, round(mean_exec_time::numeric, 3) AS mean, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT 15`,
    );
    console.log(`-- top statements: ${label}`);
    for (const row of rows) console.log(`${String(row.calls).padStart(7)} ${String(row.ms).padStart(7)} ms ${String(row.mean).padStart(9)} ${row.query}`);
    await client.query('SELECT pg_stat_statements_reset()');
  });
}
