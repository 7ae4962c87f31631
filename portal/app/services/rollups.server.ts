import type { Transaction } from 'sequelize';
import type { Sql } from '~/lib/raw-sql.server';
import { arrayParams, unnestSql, type ArrayColumns } from '~/lib/sql-array.server';
import { RUN_STATUS_FILTERS } from '~/lib/run-filters';
import { getDb } from '~/models/index.server';

export type RollupKey = { workflowId: string; day: string };

// A run counts unless it is a manual (editor) run and the settings exclude those.
const COUNT_MANUAL = '(SELECT count_manual_runs FROM portal_settings WHERE id = 1)';
const COUNTED_RUN = `(r.mode <> 'manual' OR ${COUNT_MANUAL})`;
const COUNTED_ADDED = `(NOT a.manual OR ${COUNT_MANUAL})`;
const FAILED_STATUSES_SQL = RUN_STATUS_FILTERS.failed.statuses.map((status) => `'${status}'`).join(', ');
const SUMS = ['total', 'success', 'error', 'sum_duration_ms', 'minutes_saved'];
/** The SET of an ON CONFLICT DO UPDATE that adds the proposed row's sums to the existing row `alias`. */
const addSums = (alias: string) => SUMS.map((column) => `${column} = ${alias}.${column} + EXCLUDED.${column}`).join(', ');

/** Runs a write inserted (new executions), summed per (workflow, day) and whether they were manual runs. */
export type AddedRuns = { workflowId: string; day: string; manual: boolean; total: number; success: number; error: number; sumDurationMs: number };
/** INGEST_ROLLUPS_SQL's parameters: the added runs' sums ($1 on), then the keys to count again. */
const ADDED_COLUMNS: ArrayColumns<AddedRuns> = [
  ['workflow_id', 'uuid', (a) => a.workflowId],
  ['day', 'date', (a) => a.day],
  ['manual', 'boolean', (a) => a.manual],
  ['total', 'int', (a) => a.total],
  ['success', 'int', (a) => a.success],
  ['error', 'int', (a) => a.error],
  ['sum_duration_ms', 'bigint', (a) => a.sumDurationMs],
];
const RECOUNT_KEY_COLUMNS: ArrayColumns<RollupKey> = [
  ['workflow_id', 'uuid', (k) => k.workflowId],
  ['day', 'date', (k) => k.day],
];

/**
 * The change of each (workflow, day) of the recount keys (RECOUNT_KEY_COLUMNS) counted again: the
 * difference between a fresh count from execution_runs (committed runs and the transaction's own) and
 * the row as the transaction locked it; `counted` is the fresh total (0: the day has no runs left).
 */
const RECOUNT_CHANGES = `SELECT k.workflow_id, k.day, c.total - cur.total AS total, c.success - cur.success AS success,
              c.error - cur.error AS error, c.sum_duration_ms - cur.sum_duration_ms AS sum_duration_ms, c.success AS priced,
              cur.minutes_saved AS minutes_before, c.total AS counted
       FROM ${unnestSql(RECOUNT_KEY_COLUMNS, { firstParam: ADDED_COLUMNS.length + 1, alias: 'k' })}
       -- per key, a range scan of execution_runs_workflow_started_idx: the cost follows the runs of the
       -- touched days, not the size of the table (a join over all keys at once planned a full scan)
       CROSS JOIN LATERAL (
         SELECT count(*) AS total,
                count(*) FILTER (WHERE r.status = 'success') AS success,
                count(*) FILTER (WHERE r.status IN (${FAILED_STATUSES_SQL})) AS error,
                coalesce(sum(r.duration_ms), 0) AS sum_duration_ms
         FROM execution_runs r
         -- the day's range as row comparisons on (workflow_id, started_at): only the two-column index can
         -- take them. A generic plan made while the table was small (decision 14) picked the started_at
         -- index and read every workflow's runs of the day for each key (3,200 runs a key at 240,000 runs,
         -- where the two-column index reads about 60).
         WHERE r.workflow_id = k.workflow_id
           AND (r.workflow_id, r.started_at) >= (k.workflow_id, k.day::timestamp AT TIME ZONE 'UTC')
           AND (r.workflow_id, r.started_at) < (k.workflow_id, (k.day + 1)::timestamp AT TIME ZONE 'UTC')
           AND ${COUNTED_RUN}
       ) c
       -- the row as this transaction locked it (OFFSET 0: a look-up per key, never a join over the table)
       CROSS JOIN LATERAL (
         SELECT d.total, d.success, d.error, d.sum_duration_ms, d.minutes_saved FROM execution_daily d
         WHERE d.workflow_id = k.workflow_id AND d.day = k.day OFFSET 0
       ) cur`;

/** Deletes the rows of recounted days left without runs (a run moved to another day, or only manual runs not counted). */
async function deleteEmptiedDays({ emptied, sql }: { emptied: { workflow_id: string; day: string }[]; sql: Sql }) {
  // usually there is none to delete
  if (emptied.length === 0) return;
  // arrays of the few empty keys: index conditions, where a join with the keys could scan the table
  await sql(`DELETE FROM execution_daily WHERE workflow_id = ANY($1::uuid[]) AND day = ANY($2::date[]) AND total = 0`, [
    emptied.map((row) => row.workflow_id),
    emptied.map((row) => row.day),
  ]);
}

// How a write of runs (the ingest) keeps the rollups, inside its transaction, exact under concurrent writers:
// 1. its upsert statement creates or locks the (workflow, day) row of every run it stored or changed, in
//    key order, and adds to it the runs it inserted (addToRollupRowsSql): such a run is counted nowhere
//    else, so adding it needs no look at the day's other runs. Every earlier writer of those rows has then
//    committed. When all of its runs are new, the same statement then adds them to the per-client rows, in
//    (client, day) order, and that is all (decision 15).
// 2. otherwise its last statement (applyIngestRollups) counts again the days of runs it changed or moved:
//    the difference between a fresh count (which sees the committed runs and this transaction's own) and
//    the row as it stands. The same statement adds to the per-client rows the sums of everything the
//    write changed, in one ordered pass. Either way the per-client rows, shared by every workflow of a
//    client, are taken after all of the write's (workflow, day) rows, in one ordered pass, and held to the
//    commit: two writers cannot each hold some of them while waiting for the other's. execution_daily's
//    statement triggers, which sum every other writer's changes into the per-client rows, stand aside
//    inside the ingest's transaction (CLIENT_SUMS_BY_CALLER).
// Each (workflow, day) row is written once per write (until 2026-11-26 it was locked, then changed, and the
// trigger read both versions back: a third of the database's work in a batch, docs/PERFORMANCE.md). The
// statements address the rows through ON CONFLICT and per-key look-ups, that is through the unique
// (workflow_id, day) index: an UPDATE joined to the keys was planned as a scan of all of execution_daily
// (the planner guesses a fixed row count for a set of keys it cannot see), which grows with the history.

/**
 * A select-list expression for the first statement of the ingest's transaction: execution_daily's triggers
 * leave the per-client rows to the ingest (applyIngestRollups) until the commit.
 */
export const CLIENT_SUMS_BY_CALLER = "set_config('monoliet.client_rollups', 'caller', true)";

/**
 * Data-modifying CTEs (`name AS (...)`, for the WITH list of the write's upsert) that create or lock, in key
 * order, the execution_daily row of every (workflow, day) in `runs` and add to it the runs the write
 * inserted. `runs` is a relation of the write's runs: workflow_id, day, inserted (a new execution), status,
 * mode, duration_ms; and rows with inserted NULL for days a run may have moved away from (locked, nothing
 * added). A key whose runs are all manual runs that are not counted gets no row.
 * When every run of the write is new (nothing to count again, so no last statement), the same statement
 * then adds them to the per-client rows, in (client, day) order; otherwise applyIngestRollups does, after
 * its recount.
 */
export function addToRollupRowsSql(runs: string) {
  const added = `t.inserted AND (t.mode <> 'manual' OR ${COUNT_MANUAL})`;
  return `added_runs AS (
     SELECT k.workflow_id, k.day, w.client_id, k.recounted, k.total, k.success, k.error, k.sum_duration_ms,
            k.success * w.minutes_saved_per_run AS minutes_saved
     FROM (
       SELECT t.workflow_id, t.day, bool_or(t.inserted IS NOT TRUE) AS recounted,
              bool_or(t.inserted IS NOT TRUE OR t.mode <> 'manual') AS counts,
              count(*) FILTER (WHERE ${added}) AS total,
              count(*) FILTER (WHERE ${added} AND t.status = 'success') AS success,
              count(*) FILTER (WHERE ${added} AND t.status IN (${FAILED_STATUSES_SQL})) AS error,
              coalesce(sum(t.duration_ms) FILTER (WHERE ${added}), 0) AS sum_duration_ms
       FROM ${runs} AS t
       GROUP BY t.workflow_id, t.day
     ) k
     JOIN workflows w ON w.id = k.workflow_id
     WHERE k.counts OR ${COUNT_MANUAL}
   ), rollup_rows AS (
     INSERT INTO execution_daily AS d (workflow_id, day, client_id, total, success, error, sum_duration_ms, minutes_saved)
     SELECT workflow_id, day, client_id, total, success, error, sum_duration_ms, minutes_saved FROM added_runs
     ORDER BY workflow_id, day
     -- a conflicting row is locked even when nothing is added to it (WHERE)
     ON CONFLICT (workflow_id, day) DO UPDATE
     SET ${addSums('d')}, updated_at = now()
     WHERE EXCLUDED.total <> 0
     RETURNING 1
   ), client_rows AS (
     INSERT INTO execution_client_daily AS c (client_id, day, total, success, error, sum_duration_ms, minutes_saved)
     SELECT client_id, day, sum(total), sum(success), sum(error), sum(sum_duration_ms), sum(minutes_saved)
     FROM added_runs
     -- only once rollup_rows has run to its end, so every (workflow, day) row is locked before the first
     -- per-client row: PostgreSQL runs the data-modifying CTEs nobody reads at the statement's end, in an
     -- order it does not promise, and this one would otherwise come first. A write with a day to count
     -- again leaves the per-client rows to its last statement: taken here, they would be held through
     -- the recount, which reads every run of the day, while every other writer of the client's day waits.
     WHERE (SELECT count(*) FROM rollup_rows) >= 0 AND NOT EXISTS (SELECT 1 FROM added_runs WHERE recounted)
     GROUP BY client_id, day
     HAVING sum(total) <> 0
     ORDER BY client_id, day
     ON CONFLICT ON CONSTRAINT execution_client_daily_key DO UPDATE
     SET ${addSums('c')}
     WHERE EXCLUDED.total <> 0
   )`;
}

const sumAdded = (column: string) => `coalesce(sum(a.${column}) FILTER (WHERE ${COUNTED_ADDED}), 0)`;
/**
 * applyIngestRollups's statement, built once: the added runs' sums, then the keys to count again, one array
 * per column (ADDED_COLUMNS, RECOUNT_KEY_COLUMNS). Exported for its plan test.
 */
export const INGEST_ROLLUPS_SQL = `WITH recounted AS (
       ${RECOUNT_CHANGES}
     ), changes AS (
       SELECT a.workflow_id, a.day, ${sumAdded('total')} AS total, ${sumAdded('success')} AS success, ${sumAdded('error')} AS error,
              ${sumAdded('sum_duration_ms')} AS sum_duration_ms, ${sumAdded('success')} AS priced, 0 AS minutes_before
       FROM ${unnestSql(ADDED_COLUMNS, { firstParam: 1, alias: 'a' })}
       GROUP BY a.workflow_id, a.day
       UNION ALL
       SELECT workflow_id, day, total, success, error, sum_duration_ms, priced, minutes_before FROM recounted
     ), changed AS (
       INSERT INTO execution_daily AS d (workflow_id, day, client_id, total, success, error, sum_duration_ms, minutes_saved)
       SELECT s.workflow_id, s.day, w.client_id, s.total, s.success, s.error, s.sum_duration_ms,
              s.priced * w.minutes_saved_per_run - s.minutes_before
       FROM recounted s JOIN workflows w ON w.id = s.workflow_id
       ORDER BY s.workflow_id, s.day
       -- every row exists and is locked (addToRollupRowsSql): each gets its difference added
       ON CONFLICT (workflow_id, day) DO UPDATE
       SET ${addSums('d')}, updated_at = now()
       WHERE (EXCLUDED.total, EXCLUDED.success, EXCLUDED.error, EXCLUDED.sum_duration_ms, EXCLUDED.minutes_saved) <> (0, 0, 0, 0, 0)
     ), client_changes AS (
       -- the rows' client is the workflow's: a reassignment rewrites them under a table lock the write waits for
       INSERT INTO execution_client_daily AS c (client_id, day, total, success, error, sum_duration_ms, minutes_saved)
       SELECT w.client_id, s.day, sum(s.total), sum(s.success), sum(s.error), sum(s.sum_duration_ms),
              sum(s.priced * w.minutes_saved_per_run - s.minutes_before)
       FROM changes s JOIN workflows w ON w.id = s.workflow_id
       GROUP BY w.client_id, s.day
       HAVING (sum(s.total), sum(s.success), sum(s.error), sum(s.sum_duration_ms), sum(s.priced * w.minutes_saved_per_run - s.minutes_before)) <> (0, 0, 0, 0, 0)
       ORDER BY w.client_id, s.day
       ON CONFLICT ON CONSTRAINT execution_client_daily_key DO UPDATE
       SET ${addSums('c')}
     )
     SELECT workflow_id, day::text AS day FROM recounted WHERE counted = 0`;

/**
 * The ingest's last statement, for a write that changed or moved runs (`recount` is not empty): counts the
 * days in `recount` again (their rows are locked, and hold the runs the write added) and adds to the
 * per-client rows the sums of the write's added runs (`added`, as addToRollupRowsSql added them) and of
 * the recounts, in (client, day) order. Deletes the days left without runs. A write of new runs only has
 * added them to the per-client rows in its upsert.
 */
export async function applyIngestRollups({ recount, added, sql }: { recount: RollupKey[]; added: AddedRuns[]; sql: Sql }) {
  const recountKeys = uniqueSortedKeys(recount);
  if (recountKeys.length === 0) return;
  const emptied = await sql<{ workflow_id: string; day: string }>(
    INGEST_ROLLUPS_SQL,
    [...arrayParams(ADDED_COLUMNS, added, undefined), ...arrayParams(RECOUNT_KEY_COLUMNS, recountKeys, undefined)],
    'ingest_rollups',
  );
  await deleteEmptiedDays({ emptied, sql });
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
              count(*) FILTER (WHERE r.status IN (${FAILED_STATUSES_SQL})),
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
