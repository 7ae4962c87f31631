import { QueryTypes } from 'sequelize';
import { getDb } from '~/models/index.server';

type Row = { workflow_id: string; day: string; total: number; success: number; error: number; sum_duration_ms: string; minutes_saved: string };
type ClientRow = Omit<Row, 'workflow_id'> & { client_id: string | null };

// the figures of one (workflow, day) straight from execution_runs (manual runs excluded: the default)
const FIGURES = `count(*)::int AS total,
            (count(*) FILTER (WHERE r.status = 'success'))::int AS success,
            (count(*) FILTER (WHERE r.status IN ('error', 'crashed')))::int AS error,
            coalesce(sum(r.duration_ms), 0)::text AS sum_duration_ms`;

/** The stored rollups and a recomputation of them straight from execution_runs, in the same order. */
export async function storedAndRecomputedRollups({ instanceId }: { instanceId: string }) {
  const db = getDb();
  const bind = [instanceId];
  const stored = await db.query<Row>(
    `SELECT d.workflow_id, d.day::text AS day, d.total, d.success, d.error, d.sum_duration_ms::text, (d.minutes_saved::numeric(14, 2))::text AS minutes_saved
     FROM execution_daily d JOIN workflows w ON w.id = d.workflow_id WHERE w.instance_id = $1
     ORDER BY d.workflow_id, d.day`,
    { bind, type: QueryTypes.SELECT },
  );
  const recomputed = await db.query<Row>(
    `SELECT r.workflow_id, (r.started_at AT TIME ZONE 'UTC')::date::text AS day, ${FIGURES},
            ((count(*) FILTER (WHERE r.status = 'success') * w.minutes_saved_per_run)::numeric(14, 2))::text AS minutes_saved
     FROM execution_runs r JOIN workflows w ON w.id = r.workflow_id
     WHERE r.instance_id = $1 AND r.mode <> 'manual' GROUP BY 1, 2, w.minutes_saved_per_run ORDER BY 1, 2`,
    { bind, type: QueryTypes.SELECT },
  );
  return { stored, recomputed };
}

/**
 * The per-client rollups (every instance; rows whose figures are all zero left out) and a recomputation of
 * them straight from execution_runs and each workflow's current client and minutes per run.
 */
export async function storedAndRecomputedClientRollups() {
  const db = getDb();
  const stored = await db.query<ClientRow>(
    `SELECT client_id, day::text AS day, total, success, error, sum_duration_ms::text, (minutes_saved::numeric(14, 2))::text AS minutes_saved
     FROM execution_client_daily WHERE total <> 0 OR sum_duration_ms <> 0 OR minutes_saved <> 0
     ORDER BY client_id, day`,
    { type: QueryTypes.SELECT },
  );
  const recomputed = await db.query<ClientRow>(
    `SELECT w.client_id, (r.started_at AT TIME ZONE 'UTC')::date::text AS day, ${FIGURES},
            (sum(CASE WHEN r.status = 'success' THEN w.minutes_saved_per_run ELSE 0 END)::numeric(14, 2))::text AS minutes_saved
     FROM execution_runs r JOIN workflows w ON w.id = r.workflow_id
     WHERE r.mode <> 'manual' GROUP BY 1, 2 ORDER BY 1, 2`,
    { type: QueryTypes.SELECT },
  );
  return { stored, recomputed };
}
