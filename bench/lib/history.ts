import { QueryTypes } from 'sequelize';
import { getDb } from '../../portal/app/models/index.server';
import { rebuildAllRollups } from '../../portal/app/services/rollups.server';
import type { World } from './world';

const CHUNK = 250_000;

/**
 * Adds `count` runs spread over the last year across the world's workflows, generated inside PostgreSQL
 * (INSERT … SELECT generate_series, in chunks), then rebuilds the daily rollups in SQL with the portal's
 * own rebuildAllRollups and vacuums the written tables and refreshes the planner's statistics (what
 * autovacuum would do).
 * About 1 run in 10 fails, 1 in 100 crashes. Ids continue after `firstIndex`.
 */
export async function addHistory({ world, count, firstIndex }: { world: World; count: number; firstIndex: number }) {
  const db = getDb();
  const workflowIds = world.workflows.map((w) => w.id);
  for (let from = firstIndex; from < firstIndex + count; from += CHUNK) {
    const to = Math.min(firstIndex + count, from + CHUNK) - 1;
    await db.query(
      `INSERT INTO execution_runs (instance_id, n8n_execution_id, workflow_id, status, mode, started_at, stopped_at, duration_ms, source)
       SELECT $1, i::text, ($2::uuid[])[1 + (i * 7919) % $3],
              CASE WHEN i % 100 = 0 THEN 'crashed' WHEN i % 10 = 0 THEN 'error' ELSE 'success' END,
              CASE WHEN i % 13 = 0 THEN 'webhook' ELSE 'trigger' END,
              t.started_at, t.started_at + make_interval(secs => (200 + i % 5000) / 1000.0), 200 + i % 5000, 'backfill'
       FROM generate_series($4::bigint, $5::bigint) AS i,
            LATERAL (SELECT now() - make_interval(secs => ((i * 104729) % 31536000)::float8)) AS t(started_at)`,
      { bind: [world.instance.id, workflowIds, workflowIds.length, from, to], type: QueryTypes.INSERT },
    );
  }
  await rebuildAllRollups();
  await db.query('VACUUM ANALYZE execution_runs');
  await db.query('VACUUM ANALYZE execution_daily');
  // the rebuild rewrote every per-client row (through execution_daily's triggers)
  await db.query('VACUUM ANALYZE execution_client_daily');
}
