import type { ExecutionStats, ExecutionStatsQuery, RunFigures } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { clientScopeOf } from '~/lib/policy.server';
import { getDb } from '~/models/index.server';
import { addDays } from './invoices.server';
import { fillSeries, summarizeFigures, type DayFigures, type SeriesPoint } from './run-figures';
import { findVisibleWorkflow } from './workflow-access.server';

// Every figure here comes from the daily rollups (execution_daily per workflow, execution_client_daily per
// client), never from scanning runs, so the cost does not grow with the number of runs. Days are UTC days.

type DayRow = { workflow_id?: string; day: string; total: number; success: number; error: number; sum_duration_ms: number; minutes_saved: string };

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The days of a period that ends on `until` (included) and spans `days` days, oldest first. */
export function periodDays({ days, until }: { days: number; until: string }): string[] {
  return Array.from({ length: days }, (_, i) => addDays({ day: until, days: i - days + 1 }));
}

/** GET /executions/stats: totals and a zero-filled daily series for the caller's runs (or one client's / workflow's). */
export async function getExecutionStats({ caller, query, now }: { caller: Caller; query: ExecutionStatsQuery; now?: Date }): Promise<ExecutionStats> {
  const clientId = await statsClientOf({ caller, requested: query.client });
  if (query.workflow) await findVisibleWorkflow({ caller, id: query.workflow });
  const days = periodDays({ days: query.days, until: query.until ?? todayUtc(now) });
  const rows = await queryDayFigures({ from: days[0]!, to: days.at(-1)!, clientId, workflowIds: query.workflow ? [query.workflow] : undefined });
  return statsOfPeriod({ rows, days: query.days, until: days.at(-1)! });
}

/** The figures and zero-filled series of the period of `days` days ending on `until`, from rows of any days. */
export function statsOfPeriod({ rows, days, until }: { rows: readonly DayFigures[]; days: number; until: string }): ExecutionStats {
  const period = periodDays({ days, until });
  const within = rows.filter((row) => row.day >= period[0]! && row.day <= until);
  return { ...summarizeFigures(within), from: period[0]!, to: until, days, series: fillSeries({ rows: within, days: period }) };
}

export type WorkflowTrend = { figures: RunFigures; series: SeriesPoint[] };

/** Figures and daily series of each workflow over the last `days` days (for lists, sparklines and details). */
export async function getWorkflowTrends({ caller, workflowIds, days, now }: { caller: Caller; workflowIds: string[]; days: number; now?: Date }): Promise<Map<string, WorkflowTrend>> {
  const period = periodDays({ days, until: todayUtc(now) });
  const rows = workflowIds.length
    ? await queryDayFigures({ from: period[0]!, to: period.at(-1)!, clientId: clientScopeOf(caller), workflowIds, perWorkflow: true })
    : [];
  const trends = new Map<string, WorkflowTrend>();
  for (const id of workflowIds) {
    const own = rows.filter((row) => row.workflowId === id);
    trends.set(id, { figures: summarizeFigures(own), series: fillSeries({ rows: own, days: period }) });
  }
  return trends;
}

async function statsClientOf({ caller, requested }: { caller: Caller; requested?: string }): Promise<string | undefined> {
  const own = clientScopeOf(caller);
  if (own && requested && requested !== own) throw new ApiError('not_found', 'Client not found');
  return own ?? requested;
}

async function queryDayFigures({
  from,
  to,
  clientId,
  workflowIds,
  perWorkflow = false,
}: {
  from: string;
  to: string;
  clientId?: string;
  workflowIds?: string[];
  perWorkflow?: boolean;
}): Promise<(DayFigures & { workflowId?: string })[]> {
  const bind: unknown[] = [from, to];
  const conditions = ['d.day BETWEEN $1::date AND $2::date'];
  if (clientId) conditions.push(`d.client_id = $${bind.push(clientId)}`);
  if (workflowIds) conditions.push(`d.workflow_id = ANY($${bind.push(workflowIds)}::uuid[])`);
  const groups = perWorkflow ? 'd.workflow_id, d.day' : 'd.day';
  // Figures over a client's (or every client's) workflows read the per-client rollup: one row per client
  // and day, however many workflows there are. Figures of chosen workflows read theirs.
  const table = workflowIds ? 'execution_daily' : 'execution_client_daily';
  const rows = await getDb().query<DayRow>(
    `SELECT ${perWorkflow ? 'd.workflow_id,' : ''} d.day::text AS day,
            sum(d.total)::int AS total, sum(d.success)::int AS success, sum(d.error)::int AS error,
            sum(d.sum_duration_ms)::float8 AS sum_duration_ms, sum(d.minutes_saved)::text AS minutes_saved
     FROM ${table} d
     WHERE ${conditions.join(' AND ')}
     GROUP BY ${groups} ORDER BY ${groups}`,
    { bind, type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({
    workflowId: row.workflow_id,
    day: row.day,
    total: row.total,
    success: row.success,
    error: row.error,
    sumDurationMs: Number(row.sum_duration_ms),
    minutesSaved: Number(row.minutes_saved),
  }));
}
