import type { Transaction } from 'sequelize';
import type { Sql } from '~/lib/raw-sql.server';
import { getDb } from '~/models/index.server';

export type RollupKey = { workflowId: string; day: string };

// A run counts unless it is a manual (editor) run and the settings exclude those.
const COUNTED_RUN = `(r.mode <> 'manual' OR (SELECT count_manual_runs FROM portal_settings WHERE id = 1))`;

/**
 * Recomputes execution_daily for the given (workflow, day) keys from execution_runs, inside the caller's
 * transaction, which must already have written its runs.
 *
 * Exact under concurrent writers: the touched rollup rows are created if missing and locked in a fixed
 * order before counting, and counting is a new statement. So whichever transaction counts last does so
 * after every other writer of that day has committed, and sees all of their runs plus its own.
 */
export async function recomputeDailyRollups({ keys, sql }: { keys: RollupKey[]; sql: Sql }) {
  const unique = uniqueSortedKeys(keys);
  if (unique.length === 0) return;
  // one json parameter, serialized once for the two or three statements (see upsertRunsSql in ingest)
  const bind = [JSON.stringify(unique.map((k) => ({ workflow_id: k.workflowId, day: k.day })))];
  const keysSql = 'json_to_recordset($1::json) AS k(workflow_id uuid, day date)';

  // One statement creates the missing rows and locks the existing ones, in a fixed order: ON CONFLICT DO
  // UPDATE locks every conflicting row even though its WHERE false updates none (no dead row versions).
  await sql(
    `INSERT INTO execution_daily (workflow_id, day, client_id)
     SELECT k.workflow_id, k.day, w.client_id FROM ${keysSql} JOIN workflows w ON w.id = k.workflow_id
     ORDER BY k.workflow_id, k.day
     ON CONFLICT (workflow_id, day) DO UPDATE SET updated_at = EXCLUDED.updated_at WHERE false`,
    bind,
    'rollups_lock',
  );
  const counted = await sql<{ total: number }>(
    `UPDATE execution_daily d
     SET total = a.total, success = a.success, error = a.error, sum_duration_ms = a.sum_duration_ms,
         minutes_saved = a.success * a.minutes_saved_per_run, client_id = a.client_id, updated_at = now()
     FROM (
       -- per key, a range scan of execution_runs_workflow_started_idx: the cost follows the runs of the
       -- touched days, not the size of the table (a join over all keys at once planned a full scan)
       SELECT k.workflow_id, k.day, w.client_id, w.minutes_saved_per_run, c.total, c.success, c.error, c.sum_duration_ms
       FROM ${keysSql}
       JOIN workflows w ON w.id = k.workflow_id
       CROSS JOIN LATERAL (
         SELECT count(*) AS total,
                count(*) FILTER (WHERE r.status = 'success') AS success,
                count(*) FILTER (WHERE r.status IN ('error', 'crashed')) AS error,
                coalesce(sum(r.duration_ms), 0) AS sum_duration_ms
         FROM execution_runs r
         WHERE r.workflow_id = k.workflow_id
           AND r.started_at >= (k.day::timestamp AT TIME ZONE 'UTC')
           AND r.started_at < ((k.day + 1)::timestamp AT TIME ZONE 'UTC')
           AND ${COUNTED_RUN}
       ) c
     ) a
     WHERE d.workflow_id = a.workflow_id AND d.day = a.day
     RETURNING d.total`,
    bind,
    'rollups_recount',
  );
  // a day left without runs (a run moved to another day) has no row; usually there is none to delete
  if (counted.some((row) => Number(row.total) === 0)) {
    await sql(
      `DELETE FROM execution_daily d USING ${keysSql}
       WHERE d.workflow_id = k.workflow_id AND d.day = k.day AND d.total = 0`,
      bind,
    );
  }
}

/** Rebuilds every rollup from the runs (after a counting setting changes, or to repair). */
export async function rebuildAllRollups(outer?: Transaction) {
  const db = getDb();
  const run = async (transaction: Transaction) => {
    await db.query('LOCK TABLE execution_daily IN EXCLUSIVE MODE', { transaction });
    await db.query('DELETE FROM execution_daily', { transaction });
    // the per-client sums are all zero now (its trigger subtracted every row): drop those rows too
    await db.query('DELETE FROM execution_client_daily', { transaction });
    await db.query(
      `INSERT INTO execution_daily (workflow_id, day, client_id, total, success, error, sum_duration_ms, minutes_saved)
       SELECT r.workflow_id, (r.started_at AT TIME ZONE 'UTC')::date, w.client_id, count(*),
              count(*) FILTER (WHERE r.status = 'success'),
              count(*) FILTER (WHERE r.status IN ('error', 'crashed')),
              coalesce(sum(r.duration_ms), 0),
              count(*) FILTER (WHERE r.status = 'success') * w.minutes_saved_per_run
       FROM execution_runs r JOIN workflows w ON w.id = r.workflow_id
       WHERE ${COUNTED_RUN}
       GROUP BY 1, 2, 3, w.minutes_saved_per_run`,
      { transaction },
    );
  };
  await (outer ? run(outer) : db.transaction(run));
}

/**
 * Waits for every ingest that has already written rollups and holds back new ones until the caller's
 * transaction commits, for a change that rewrites a workflow's rollup rows from a value ingests read when
 * they recount a row (its client, its minutes per run): rows written before are rewritten by the caller,
 * rows written after see the new value. Ingests only wait on each other at row level, so this briefly
 * pauses them, once per change.
 */
export async function holdBackRollupWriters(transaction: Transaction) {
  await getDb().query('LOCK TABLE execution_daily IN SHARE ROW EXCLUSIVE MODE', { transaction });
}

/**
 * Rewrites the minutes saved of a workflow's rollups after its minutes per run changed, inside the
 * caller's transaction (which has written the new rate). The figures are retroactive: every day counts
 * at the workflow's current rate.
 */
export async function repriceWorkflowRollups({ workflowId, minutesSavedPerRun, transaction }: { workflowId: string; minutesSavedPerRun: string; transaction: Transaction }) {
  await holdBackRollupWriters(transaction);
  await getDb().query(
    `UPDATE execution_daily SET minutes_saved = success * $2::numeric, updated_at = now()
     WHERE workflow_id = $1 AND minutes_saved <> success * $2::numeric`,
    { bind: [workflowId, minutesSavedPerRun], transaction },
  );
}

function uniqueSortedKeys(keys: RollupKey[]): RollupKey[] {
  const seen = new Map<string, RollupKey>();
  for (const key of keys) seen.set(`${key.workflowId}|${key.day}`, key);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, key]) => key);
}
