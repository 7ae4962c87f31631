import type { Transaction } from 'sequelize';
import type { Sql } from '~/lib/raw-sql.server';
import { getDb } from '~/models/index.server';

export type RollupKey = { workflowId: string; day: string };

// A run counts unless it is a manual (editor) run and the settings exclude those.
const COUNT_MANUAL = '(SELECT count_manual_runs FROM portal_settings WHERE id = 1)';
const COUNTED_RUN = `(r.mode <> 'manual' OR ${COUNT_MANUAL})`;
const COUNTED_ADDED = `(NOT a.manual OR ${COUNT_MANUAL})`;

/** Runs a write inserted (new executions), summed per (workflow, day) and whether they were manual runs. */
export type AddedRuns = { workflowId: string; day: string; manual: boolean; total: number; success: number; error: number; sumDurationMs: number };

/**
 * Brings execution_daily up to date with a write of runs, inside the caller's transaction, which must
 * already have written them: the (workflow, day) keys in `recount` are counted again from execution_runs
 * (runs the write changed or moved), the others get the sums of the runs the write inserted added.
 *
 * Exact under concurrent writers: every touched rollup row is created if missing and locked, in a fixed
 * order, before anything is counted or added, and that is a new statement. A row then holds the count of
 * the runs committed before the lock was granted (every earlier writer of it has committed); a recount
 * sees those plus this transaction's own runs, and adding this transaction's new runs to it gives the same.
 * A run the write inserted is counted nowhere else, so adding it needs no look at the day's other runs:
 * that look (a range scan per key) was most of the cost of a group write.
 */
export async function updateDailyRollups({ recount, added, sql }: { recount: RollupKey[]; added: AddedRuns[]; sql: Sql }) {
  const recountKeys = uniqueSortedKeys(recount);
  const recounted = new Set(recountKeys.map(keyOf));
  // a key that is recounted counts its inserted runs too
  const adding = added.filter((a) => !recounted.has(keyOf(a)));
  const keys = uniqueSortedKeys([...recountKeys, ...adding]);
  if (keys.length === 0) return;
  const keysSql = (param: string) => `json_to_recordset(${param}::json) AS k(workflow_id uuid, day date)`;
  const keysJson = JSON.stringify(keys.map((k) => ({ workflow_id: k.workflowId, day: k.day })));
  // a recounted key's figure replaces the row's; an added one is added to it
  const updated = (column: string) => `s.${column} + CASE WHEN s.recounted THEN 0 ELSE d.${column} END`;

  // One statement creates the missing rows and locks the existing ones, in a fixed order: ON CONFLICT DO
  // UPDATE locks every conflicting row even though its WHERE false updates none (no dead row versions).
  await sql(
    `INSERT INTO execution_daily (workflow_id, day, client_id)
     SELECT k.workflow_id, k.day, w.client_id FROM ${keysSql('$1')} JOIN workflows w ON w.id = k.workflow_id
     ORDER BY k.workflow_id, k.day
     ON CONFLICT (workflow_id, day) DO UPDATE SET updated_at = EXCLUDED.updated_at WHERE false`,
    [keysJson],
    'rollups_lock',
  );
  // one UPDATE, so execution_daily's statement trigger adds to the per-client rows in one ordered pass
  const counted = await sql<{ total: number }>(
    `UPDATE execution_daily d
     SET total = ${updated('total')}, success = ${updated('success')}, error = ${updated('error')},
         sum_duration_ms = ${updated('sum_duration_ms')}, minutes_saved = (${updated('success')}) * w.minutes_saved_per_run,
         client_id = w.client_id, updated_at = now()
     FROM (
       -- per key, a range scan of execution_runs_workflow_started_idx: the cost follows the runs of the
       -- touched days, not the size of the table (a join over all keys at once planned a full scan)
       SELECT k.workflow_id, k.day, true AS recounted, c.total, c.success, c.error, c.sum_duration_ms
       FROM ${keysSql('$1')}
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
       UNION ALL
       SELECT a.workflow_id, a.day, false,
              coalesce(sum(a.total) FILTER (WHERE ${COUNTED_ADDED}), 0),
              coalesce(sum(a.success) FILTER (WHERE ${COUNTED_ADDED}), 0),
              coalesce(sum(a.error) FILTER (WHERE ${COUNTED_ADDED}), 0),
              coalesce(sum(a.sum_duration_ms) FILTER (WHERE ${COUNTED_ADDED}), 0)
       FROM json_to_recordset($2::json)
         AS a(workflow_id uuid, day date, manual boolean, total int, success int, error int, sum_duration_ms bigint)
       GROUP BY a.workflow_id, a.day
     ) s
     JOIN workflows w ON w.id = s.workflow_id
     WHERE d.workflow_id = s.workflow_id AND d.day = s.day
     RETURNING d.total`,
    [
      JSON.stringify(recountKeys.map((k) => ({ workflow_id: k.workflowId, day: k.day }))),
      JSON.stringify(adding.map((a) => ({ workflow_id: a.workflowId, day: a.day, manual: a.manual, total: a.total, success: a.success, error: a.error, sum_duration_ms: a.sumDurationMs }))),
    ],
    'rollups_update',
  );
  // a day left without runs (a run moved to another day, or only manual runs not counted) has no row;
  // usually there is none to delete
  if (counted.some((row) => Number(row.total) === 0)) {
    await sql(`DELETE FROM execution_daily d USING ${keysSql('$1')} WHERE d.workflow_id = k.workflow_id AND d.day = k.day AND d.total = 0`, [keysJson]);
  }
}

const keyOf = (key: RollupKey) => `${key.workflowId}|${key.day}`;

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
 * they update a row (its client, its minutes per run): rows written before are rewritten by the caller,
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
  for (const key of keys) seen.set(keyOf(key), { workflowId: key.workflowId, day: key.day });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, key]) => key);
}
