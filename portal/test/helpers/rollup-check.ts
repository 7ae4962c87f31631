import { QueryTypes } from 'sequelize';
import { getDb } from '~/models/index.server';

type Row = { workflow_id: string; day: string; total: number; success: number; error: number; sum_duration_ms: string };

/** The stored rollups and a recomputation of them straight from execution_runs, in the same order. */
export async function storedAndRecomputedRollups({ instanceId }: { instanceId: string }) {
  const db = getDb();
  const bind = [instanceId];
  const stored = await db.query<Row>(
    `SELECT d.workflow_id, d.day::text AS day, d.total, d.success, d.error, d.sum_duration_ms::text
     FROM execution_daily d JOIN workflows w ON w.id = d.workflow_id WHERE w.instance_id = $1
     ORDER BY d.workflow_id, d.day`,
    { bind, type: QueryTypes.SELECT },
  );
  const recomputed = await db.query<Row>(
    `SELECT workflow_id, (started_at AT TIME ZONE 'UTC')::date::text AS day, count(*)::int AS total,
            (count(*) FILTER (WHERE status = 'success'))::int AS success,
            (count(*) FILTER (WHERE status IN ('error', 'crashed')))::int AS error,
            coalesce(sum(duration_ms), 0)::text AS sum_duration_ms
     FROM execution_runs WHERE instance_id = $1 AND mode <> 'manual' GROUP BY 1, 2 ORDER BY 1, 2`,
    { bind, type: QueryTypes.SELECT },
  );
  return { stored, recomputed };
}
