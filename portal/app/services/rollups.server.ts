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
 * Exact under concurrent writers, in two statements:
 * 1. every touched (workflow, day) row is created (empty) or locked, in a fixed order (lockRollupRowsSql;
 *    `locked`: the caller did, as the ingest's upsert does in its own statement). Every earlier writer of
 *    those rows has then committed.
 * 2. one statement changes them all: a row gets the sums of the runs the write inserted added (such a run
 *    is counted nowhere else, so adding it needs no look at the day's other runs), or, when recounted, the
 *    difference between a fresh count (which sees the committed runs and this transaction's own) and the
 *    row as it stands. Both go through ON CONFLICT DO UPDATE, so execution_daily's statement trigger adds
 *    to the per-client rows once, in one ordered pass: the per-client rows, shared by every workflow of a
 *    client, are locked only from there to the commit, and two writers cannot each hold some of them
 *    while waiting for the other's.
 *
 * The statements address the rows through ON CONFLICT and per-key look-ups, that is through the unique
 * (workflow_id, day) index: an UPDATE joined to the keys was planned as a scan of all of execution_daily
 * (the planner guesses 100 rows for a json_to_recordset), which grows with the history.
 */
export async function updateDailyRollups({ recount, added, sql, locked = false }: { recount: RollupKey[]; added: AddedRuns[]; sql: Sql; locked?: boolean }) {
  const recountKeys = uniqueSortedKeys(recount);
  const recounted = new Set(recountKeys.map(keyOf));
  // a key that is recounted counts its inserted runs too
  const adding = added.filter((a) => !recounted.has(keyOf(a)));
  if (recountKeys.length === 0 && adding.length === 0) return;
  // a key with only manual runs to add gets no row when manual runs are not counted
  const manualOnly = new Map<string, boolean>();
  for (const a of adding) manualOnly.set(keyOf(a), a.manual && manualOnly.get(keyOf(a)) !== false);
  const keysJson = JSON.stringify(
    uniqueSortedKeys([...recountKeys, ...adding]).map((k) => ({ workflow_id: k.workflowId, day: k.day, counts: manualOnly.get(keyOf(k)) !== true })),
  );
  if (!locked) await sql(lockRollupRowsSql('json_to_recordset($1::json) AS k(workflow_id uuid, day date, counts boolean)'), [keysJson], 'rollups_lock');
  const sum = (column: string) => `coalesce(sum(a.${column}) FILTER (WHERE ${COUNTED_ADDED}), 0)`;
  const emptied = await sql<{ workflow_id: string; day: string }>(
    `WITH changes AS (
       SELECT a.workflow_id, a.day, ${sum('total')} AS total, ${sum('success')} AS success, ${sum('error')} AS error,
              ${sum('sum_duration_ms')} AS sum_duration_ms,
              -- the minutes saved change by (successes priced) × the rate − (minutes before)
              ${sum('success')} AS priced, 0 AS minutes_before, NULL::bigint AS counted
       FROM json_to_recordset($1::json)
         AS a(workflow_id uuid, day date, manual boolean, total int, success int, error int, sum_duration_ms bigint)
       GROUP BY a.workflow_id, a.day
       HAVING ${sum('total')} <> 0
       UNION ALL
       SELECT k.workflow_id, k.day, c.total - cur.total, c.success - cur.success, c.error - cur.error,
              c.sum_duration_ms - cur.sum_duration_ms, c.success, cur.minutes_saved, c.total
       FROM json_to_recordset($2::json) AS k(workflow_id uuid, day date)
       -- per key, a range scan of execution_runs_workflow_started_idx: the cost follows the runs of the
       -- touched days, not the size of the table (a join over all keys at once planned a full scan)
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
       -- the row as this transaction locked it (OFFSET 0: a look-up per key, never a join over the table)
       CROSS JOIN LATERAL (
         SELECT d.total, d.success, d.error, d.sum_duration_ms, d.minutes_saved FROM execution_daily d
         WHERE d.workflow_id = k.workflow_id AND d.day = k.day OFFSET 0
       ) cur
     ), changed AS (
       INSERT INTO execution_daily AS d (workflow_id, day, client_id, total, success, error, sum_duration_ms, minutes_saved)
       SELECT s.workflow_id, s.day, w.client_id, s.total, s.success, s.error, s.sum_duration_ms,
              s.priced * w.minutes_saved_per_run - s.minutes_before
       FROM changes s JOIN workflows w ON w.id = s.workflow_id
       ORDER BY s.workflow_id, s.day
       -- every row exists and is locked (rollups_lock): each gets its difference added
       ON CONFLICT (workflow_id, day) DO UPDATE
       SET total = d.total + EXCLUDED.total, success = d.success + EXCLUDED.success, error = d.error + EXCLUDED.error,
           sum_duration_ms = d.sum_duration_ms + EXCLUDED.sum_duration_ms, minutes_saved = d.minutes_saved + EXCLUDED.minutes_saved,
           client_id = EXCLUDED.client_id, updated_at = now()
       WHERE (EXCLUDED.total, EXCLUDED.success, EXCLUDED.error, EXCLUDED.sum_duration_ms, EXCLUDED.minutes_saved) <> (0, 0, 0, 0, 0)
          OR d.client_id IS DISTINCT FROM EXCLUDED.client_id
     )
     -- recounted days without runs left (added runs never leave a row empty)
     SELECT workflow_id, day::text AS day FROM changes WHERE counted = 0`,
    [
      JSON.stringify(adding.map((a) => ({ workflow_id: a.workflowId, day: a.day, manual: a.manual, total: a.total, success: a.success, error: a.error, sum_duration_ms: a.sumDurationMs }))),
      JSON.stringify(recountKeys.map((k) => ({ workflow_id: k.workflowId, day: k.day }))),
    ],
    'rollups_change',
  );
  // a day left without runs (a run moved to another day, or only manual runs not counted) has no row;
  // usually there is none to delete
  if (emptied.length > 0) {
    // arrays of the few empty keys: index conditions, where a join with the keys could scan the table
    await sql(`DELETE FROM execution_daily WHERE workflow_id = ANY($1::uuid[]) AND day = ANY($2::date[]) AND total = 0`, [
      emptied.map((row) => row.workflow_id),
      emptied.map((row) => row.day),
    ]);
  }
}

/**
 * A statement that creates (empty) or locks the execution_daily rows of `keys`, a relation `k` of
 * (workflow_id, day, counts), in key order; `counts` is false for a key with only manual runs to add,
 * which gets no row while manual runs are not counted. ON CONFLICT DO UPDATE locks a conflicting row even
 * though its WHERE false updates nothing.
 */
export function lockRollupRowsSql(keys: string) {
  return `INSERT INTO execution_daily AS d (workflow_id, day, client_id)
     SELECT k.workflow_id, k.day, w.client_id FROM ${keys}
     JOIN workflows w ON w.id = k.workflow_id
     WHERE k.counts OR ${COUNT_MANUAL}
     ORDER BY k.workflow_id, k.day
     ON CONFLICT (workflow_id, day) DO UPDATE SET updated_at = EXCLUDED.updated_at WHERE false`;
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
