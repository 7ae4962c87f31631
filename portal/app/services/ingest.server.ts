import type { ExecutionReport } from '@monoliet/contract';
import { withRetryOnConflict } from '~/lib/db-retry.server';
import { RUN_STATUS_FILTERS } from '~/lib/run-filters';
import { handled, withPipelinedTransaction, type Sql } from '~/lib/raw-sql.server';
import { arrayParams, unnestSql, type ArrayColumns } from '~/lib/sql-array.server';
import { enqueueAlertChecks } from './alert-checks.server';
import { submitRuns } from './ingest-coalescer.server';
import { addToRollupRowsSql, applyIngestRollups, CLIENT_SUMS_BY_CALLER, type AddedRuns, type RollupKey } from './rollups.server';
import { dedupeReports } from './run-merge';
import { forgetWorkflows, rememberedWorkflowIds, rememberWorkflows } from './workflow-ids.server';

export type RunSource = 'push' | 'backfill';
export type IngestResult = { accepted: number; created: number; updated: number; unchanged: number };

// The incoming row wins when its status is more final; on a tie, n8n's own data (backfill) wins over a
// push, and a push wins over an earlier push.
const RANK_NEW = 'execution_status_rank(EXCLUDED.status)';
const RANK_OLD = 'execution_status_rank(r.status)';
const WINS = `(${RANK_NEW} > ${RANK_OLD} OR (${RANK_NEW} = ${RANK_OLD} AND (EXCLUDED.source = 'backfill' OR r.source = 'push')))`;
const prefer = (column: string) =>
  `CASE WHEN ${WINS} THEN coalesce(EXCLUDED.${column}, r.${column}) ELSE coalesce(r.${column}, EXCLUDED.${column}) END`;

/** How each stored column is merged with a report of the same execution. */
const MERGED_COLUMNS: Record<string, string> = {
  status: `CASE WHEN ${WINS} THEN EXCLUDED.status ELSE r.status END`,
  // n8n's timestamps are authoritative; a push only estimates them
  started_at: `CASE WHEN EXCLUDED.source = 'backfill' THEN EXCLUDED.started_at ELSE r.started_at END`,
  stopped_at: prefer('stopped_at'),
  duration_ms: prefer('duration_ms'),
  error_message: prefer('error_message'),
  error_node: prefer('error_node'),
  mode: `CASE WHEN EXCLUDED.mode <> 'unknown' AND (EXCLUDED.source = 'backfill' OR r.mode = 'unknown') THEN EXCLUDED.mode ELSE r.mode END`,
  retry_of: 'coalesce(r.retry_of, EXCLUDED.retry_of)',
  item_count: 'coalesce(EXCLUDED.item_count, r.item_count)',
  // "backfill" once n8n itself has confirmed the run's current state
  source: `CASE WHEN EXCLUDED.source = 'backfill' AND ${WINS} THEN 'backfill' ELSE r.source END`,
};
const columns = Object.keys(MERGED_COLUMNS);
const OPEN_ERROR_ALERT = "EXISTS (SELECT 1 FROM alerts a WHERE a.workflow_id = u.workflow_id AND a.kind = 'error' AND a.resolved_at IS NULL)";
// the UTC day a run is counted on, as text ("YYYY-MM-DD"): no Date to parse per row
const UTC_DAY = "to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";

/** The columns of the upsert's runs, in the order of its array parameters ($3 on): name, type, and each run's value. */
const UPSERT_COLUMNS: ArrayColumns<ExecutionReport, Map<string, string>> = [
  ['n8n_execution_id', 'text', (r) => wellFormed(r.executionId)],
  ['workflow_id', 'uuid', (r, workflowIds) => workflowIds.get(r.workflowId)!],
  ['status', 'text', (r) => r.status],
  ['mode', 'text', (r) => wellFormed(r.mode) ?? 'unknown'],
  ['started_at', 'timestamptz', (r) => r.startedAt],
  ['stopped_at', 'timestamptz', (r) => r.stoppedAt],
  ['duration_ms', 'int', (r) => r.durationMs ?? durationOf(r)],
  ['error_message', 'text', (r) => wellFormed(r.errorMessage)],
  ['error_node', 'text', (r) => wellFormed(r.errorNode)],
  ['retry_of', 'text', (r) => wellFormed(r.retryOf ?? undefined)],
  ['item_count', 'int', (r) => r.itemCount],
];

/**
 * The upsert, answering each stored or changed run with its (workflow, day) and, for a backfill, also the
 * previous (workflow, day) of runs it may move: the days of changed runs are counted again
 * (applyIngestRollups). It locks the rollup rows of those days and of the new runs, and adds the runs it
 * inserted to them (addToRollupRowsSql, without a round trip of its own; to the per-client rows too when
 * there is nothing to count again). n8n's own start time replaces a push's estimate, so the day a run was
 * counted on can change; a push never changes a stored run's start (MERGED_COLUMNS), so it skips that
 * look-up and the rollup recount of runs it left unchanged.
 *
 * The runs arrive as one array per column (lib/sql-array.server.ts): a json document of the runs cost the
 * database twice as long to take apart (json_to_recordset: 3.8-4.5 ms for 370 runs, unnest: 1.8-2.6 ms;
 * docs/PERFORMANCE.md).
 */
const upsertRunsSql = (withPrevious: boolean) => `
WITH incoming AS (
  SELECT * FROM ${unnestSql(UPSERT_COLUMNS, { firstParam: 3, alias: 't' })}
  ORDER BY n8n_execution_id
)${
  withPrevious
    ? `, previous AS (
  SELECT r.workflow_id, r.started_at FROM execution_runs r
  -- an array, as the parameter used to be: an index scan of the runs, where a semi-join with the CTE was
  -- planned as a scan of all of the instance's runs
  WHERE r.instance_id = $1 AND r.n8n_execution_id = ANY(ARRAY(SELECT n8n_execution_id FROM incoming))
)`
    : ''
}, upserted AS (
  INSERT INTO execution_runs AS r (instance_id, n8n_execution_id, workflow_id, status, mode, started_at, stopped_at,
    duration_ms, error_message, error_node, retry_of, item_count, source)
  SELECT $1, i.n8n_execution_id, i.workflow_id, i.status, i.mode, i.started_at, i.stopped_at, i.duration_ms,
         i.error_message, i.error_node, i.retry_of, i.item_count, $2 FROM incoming i
  ON CONFLICT (instance_id, n8n_execution_id) DO UPDATE
  SET ${columns.map((c) => `${c} = ${MERGED_COLUMNS[c]}`).join(',\n      ')},
      updated_at = now()
  WHERE (${columns.map((c) => MERGED_COLUMNS[c]).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `r.${c}`).join(', ')})
  RETURNING r.n8n_execution_id, r.workflow_id, r.started_at, (r.xmax = 0) AS inserted, r.status, r.mode, r.duration_ms
), touched AS (
  -- the rollup rows of the stored or changed runs (and of the days a backfill may move runs from)
  SELECT workflow_id, (started_at AT TIME ZONE 'UTC')::date AS day, inserted, status, mode, duration_ms FROM upserted${
    withPrevious ? `
  UNION ALL
  SELECT workflow_id, (started_at AT TIME ZONE 'UTC')::date, NULL, NULL, NULL, NULL FROM previous` : ''
  }
), ${addToRollupRowsSql('touched')}
SELECT n8n_execution_id, workflow_id, ${UTC_DAY} AS day, inserted, status, mode = 'manual' AS manual, duration_ms,
       -- a success resolves an open error alert (workflowsToEvaluate)
       status = 'success' AND ${OPEN_ERROR_ALERT} AS open_error_alert
FROM upserted u${withPrevious ? `\nUNION ALL\nSELECT NULL, workflow_id, ${UTC_DAY}, NULL, NULL, NULL, NULL, NULL FROM previous` : ''}`;
const UPSERT_SQL = { push: upsertRunsSql(false), backfill: upsertRunsSql(true) } as const;

type UpsertRow = {
  n8n_execution_id: string | null;
  workflow_id: string;
  day: string;
  /** true: a new execution; false: a stored one the write changed; null: the day a changed run was on */
  inserted: boolean | null;
  status: string | null;
  manual: boolean | null;
  duration_ms: number | null;
  /** a success on a workflow with an open error alert */
  open_error_alert: boolean | null;
};
/** What a write did to each execution it stored or changed (absent: the report changed nothing). */
export type RunOutcomes = Map<string, 'created' | 'updated'>;

/**
 * Upserts runs by (instance, n8n execution id) and recomputes the daily rollups of every (workflow, day)
 * they touch, in one transaction. Unknown workflows are created unassigned. Safe to repeat: a report that
 * changes nothing is counted as unchanged. Concurrent calls for the same instance are written together
 * (see ingest-coalescer.server.ts), each still answered with its own counts.
 */
export async function recordRuns({
  instanceId,
  reports,
  source,
}: {
  instanceId: string;
  reports: ExecutionReport[];
  source: RunSource;
}): Promise<IngestResult> {
  const runs = dedupeReports(reports);
  if (runs.length === 0) return { accepted: 0, created: 0, updated: 0, unchanged: 0 };
  const outcomes = await submitRuns({ instanceId, source, runs, write: writeRuns });
  let created = 0;
  let updated = 0;
  for (const run of runs) {
    const outcome = outcomes.get(run.executionId);
    if (outcome === 'created') created++;
    else if (outcome === 'updated') updated++;
  }
  return { accepted: reports.length, created, updated, unchanged: runs.length - created - updated };
}

/**
 * One transaction for `runs` (unique execution ids): the workflows, the upsert, the alert checks and the
 * rollup update. Returns what happened to each execution.
 */
export async function writeRuns({ instanceId, runs, source }: { instanceId: string; runs: ExecutionReport[]; source: RunSource }): Promise<RunOutcomes> {
  try {
    return await writeRunsOnce({ instanceId, runs, source, remembered: true });
  } catch (error) {
    if (!isDeletedWorkflow(error)) throw error;
    // a remembered workflow was deleted meanwhile: look every workflow up (a push recreates it, unassigned)
    forgetWorkflows();
    return writeRunsOnce({ instanceId, runs, source, remembered: false });
  }
}

async function writeRunsOnce({ instanceId, runs, source, remembered }: { instanceId: string; runs: ExecutionReport[]; source: RunSource; remembered: boolean }): Promise<RunOutcomes> {
  const names = workflowNames(runs);
  return withRetryOnConflict(() =>
    withPipelinedTransaction(async (sql) => {
      const settings = applyIngestSettings(sql);
      const workflowIds = (remembered && rememberedWorkflowIds(instanceId, names)) || (await resolveWorkflows({ instanceId, names, sql }));
      const rows = await sql<UpsertRow>(UPSERT_SQL[source], upsertBind({ instanceId, runs, workflowIds, source }), `ingest_upsert_${source}`);
      const changes = rollupChanges(rows);
      // Issued in this order and sent together, COMMIT behind them: the alert checks, then (only when the
      // write changed or moved runs) the recount and the per-client sums. From the statement that adds to
      // the per-client rows to the commit, the write holds per-client rows other writers need.
      const last = [settings, enqueueAlertChecks({ workflowIds: workflowsToEvaluate({ runs, rows }), sql }), applyIngestRollups({ ...changes, sql })];
      // a recount may be followed by a DELETE of the days it emptied, issued once its answer is known: it
      // must be on the wire before COMMIT (the helper throws the first failure of `last`)
      if (changes.recount.length > 0) await Promise.allSettled(last);
      const outcomes: RunOutcomes = new Map();
      for (const row of rows) if (row.n8n_execution_id !== null) outcomes.set(row.n8n_execution_id, row.inserted ? 'created' : 'updated');
      return { value: outcomes, unawaited: last };
    }),
  );
}

/**
 * The first statement of an ingest's transaction, pipelined with the next ones (its failure is read with
 * theirs). Until the commit:
 * - the ingest sums the per-client rollups itself (CLIENT_SUMS_BY_CALLER);
 * - its statements run on their generic plans. The upsert's arrays are parameters: with the default
 *   plan_cache_mode, PostgreSQL made a custom plan for every call (it knows an array's length, and
 *   estimated the generic plan dearer), planning the whole statement each time, 3 ms for one run against
 *   0.4 ms to run it (docs/PERFORMANCE.md).
 */
export function applyIngestSettings(sql: Sql) {
  return handled(sql(`SELECT ${CLIENT_SUMS_BY_CALLER}, set_config('plan_cache_mode', 'force_generic_plan', true)`, [], 'ingest_settings'));
}

const isDeletedWorkflow = (error: unknown) =>
  (error as { code?: string }).code === '23503' && (error as { constraint?: string }).constraint === 'execution_runs_workflow_id_fkey';

/**
 * What the write did to the rollups: a day with a run it changed (or moved away from, for a backfill) is
 * counted again; then the runs it inserted, which its upsert added to their (workflow, day) rows, are
 * added to the per-client rows by the same statement (applyIngestRollups). Without a recount there is
 * nothing to do here: the upsert has added them to the per-client rows itself.
 */
function rollupChanges(rows: UpsertRow[]): { recount: RollupKey[]; added: AddedRuns[] } {
  const recount: RollupKey[] = [];
  for (const row of rows) if (row.inserted !== true) recount.push({ workflowId: row.workflow_id, day: row.day });
  if (recount.length === 0) return { recount, added: [] };
  const added = new Map<string, AddedRuns>();
  for (const row of rows) {
    if (row.inserted !== true) continue;
    const key = `${row.workflow_id}|${row.day}|${row.manual}`;
    let sums = added.get(key);
    if (!sums) added.set(key, (sums = { workflowId: row.workflow_id, day: row.day, manual: row.manual === true, total: 0, success: 0, error: 0, sumDurationMs: 0 }));
    sums.total++;
    if (row.status === 'success') sums.success++;
    else if (FAILED_STATUSES.has(row.status!)) sums.error++;
    sums.sumDurationMs += row.duration_ms ?? 0;
  }
  return { recount, added: [...added.values()] };
}

/**
 * Workflows whose error alert may have to change: a new or changed failed run (open the alert, or count it
 * for the digest), or a new or changed success while an error alert is open (resolve it). A success on a
 * workflow without an open alert changes nothing, so the common case enqueues no job at all. (A success
 * racing an alert being opened is caught by the health job's recheck of open alerts.)
 */
function workflowsToEvaluate({ runs, rows }: { runs: ExecutionReport[]; rows: UpsertRow[] }): string[] {
  const changed = new Map<string, UpsertRow>();
  for (const row of rows) if (row.n8n_execution_id !== null) changed.set(row.n8n_execution_id, row);
  const wanted = new Set<string>();
  for (const run of runs) {
    const row = changed.get(run.executionId);
    if (!row) continue;
    if (FAILED_STATUSES.has(run.status) || (run.status === 'success' && row.open_error_alert)) wanted.add(row.workflow_id);
  }
  return [...wanted];
}

const FAILED_STATUSES: ReadonlySet<string> = new Set(RUN_STATUS_FILTERS.failed.statuses);

function upsertBind({
  instanceId,
  runs,
  workflowIds,
  source,
}: {
  instanceId: string;
  runs: ExecutionReport[];
  workflowIds: Map<string, string>;
  source: RunSource;
}) {
  return [instanceId, source, ...arrayParams(UPSERT_COLUMNS, runs, workflowIds)];
}

// A lone UTF-16 surrogate (half of a pair) is not text: the API refuses pushes carrying one, but text from
// n8n (a backfill) is not checked. It is stored as U+FFFD (what encoding it as UTF-8 would make of it).
const LONE_SURROGATE = /\p{Surrogate}/gu;
function wellFormed<T extends string | undefined>(text: T): T {
  return text?.replace(LONE_SURROGATE, '\uFFFD') as T;
}

function durationOf(run: ExecutionReport): number | null {
  if (!run.stoppedAt) return null;
  const ms = Date.parse(run.stoppedAt) - Date.parse(run.startedAt);
  return ms >= 0 ? ms : null;
}

type WorkflowRow = { id: string; n8n_workflow_id: string; name: string };

/** The name each run reports for its workflow (n8n id -> name, '' when none). */
function workflowNames(runs: ExecutionReport[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const run of runs) names.set(run.workflowId, run.workflowName ?? names.get(run.workflowId) ?? '');
  return names;
}

/**
 * Finds or creates (unassigned) the workflow of every run: n8n workflow id -> our id. Known workflows
 * reported under another name are renamed. Remembers them for the next writes (workflow-ids.server.ts).
 */
async function resolveWorkflows({ instanceId, names, sql }: { instanceId: string; names: Map<string, string>; sql: Sql }): Promise<Map<string, string>> {
  const ids = [...names.keys()].sort();
  const bind = [instanceId, ids, ids.map((id) => names.get(id)!)];
  // One statement: create the unknown workflows (sorted, so that concurrent batches creating the same
  // workflows cannot deadlock), rename the known ones, and answer all of their ids.
  let found = await sql<WorkflowRow>(
    `WITH input AS (SELECT * FROM unnest($2::text[], $3::text[]) AS t(id, name)),
     created AS (
       INSERT INTO workflows (instance_id, n8n_workflow_id, name)
       -- known workflows skip the insert: a speculative insert per row costs more than the look-up
       SELECT $1, i.id, i.name FROM input i
       WHERE NOT EXISTS (SELECT 1 FROM workflows k WHERE k.instance_id = $1 AND k.n8n_workflow_id = i.id)
       ORDER BY i.id
       ON CONFLICT (instance_id, n8n_workflow_id) DO NOTHING
       RETURNING id, n8n_workflow_id, name
     ), renamed AS (
       UPDATE workflows w SET name = t.name FROM input t
       WHERE w.instance_id = $1 AND w.n8n_workflow_id = t.id AND t.name <> '' AND w.name <> t.name
     )
     SELECT id, n8n_workflow_id, name FROM created
     UNION ALL
     SELECT w.id, w.n8n_workflow_id, w.name FROM workflows w WHERE w.instance_id = $1 AND w.n8n_workflow_id = ANY($2::text[])`,
    bind,
    'ingest_resolve_workflows',
  );
  if (new Set(found.map((row) => row.n8n_workflow_id)).size !== ids.length) {
    // A concurrent batch created some of them after this statement's snapshot: a new statement sees them.
    found = await sql<WorkflowRow>(`SELECT w.id, w.n8n_workflow_id, w.name FROM workflows w WHERE w.instance_id = $1 AND w.n8n_workflow_id = ANY($2::text[])`, [instanceId, ids]);
  }
  // the name a workflow has once this write commits: the reported one, or the stored one when none
  rememberWorkflows(instanceId, found.map((row) => ({ n8nWorkflowId: row.n8n_workflow_id, id: row.id, name: names.get(row.n8n_workflow_id) || row.name })));
  return new Map(found.map((row) => [row.n8n_workflow_id, row.id]));
}
