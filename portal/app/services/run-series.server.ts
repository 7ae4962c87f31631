import { QueryTypes } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { clientScopeOf } from '~/lib/policy.server';
import { getDb } from '~/models/index.server';
import { addDays } from './invoices.server';

export type DayRuns = { day: string; total: number; success: number; error: number };
export type RunSeries = { days: number; series: DayRuns[]; totals: Omit<DayRuns, 'day'> };

/**
 * Runs per day over the last `days` days (today included, UTC) from the per-client daily rollups, so the
 * cost grows with neither the number of runs nor of workflows. Days without runs are zeros. Staff see every
 * client's workflows (and the unassigned ones); a client caller only its own.
 */
export async function summarizeRunsPerDay({ caller, days, now = new Date() }: { caller: Caller; days: number; now?: Date }): Promise<RunSeries> {
  const own = clientScopeOf(caller) ?? null;
  const last = now.toISOString().slice(0, 10);
  const first = addDays({ day: last, days: -(days - 1) });
  const rows = await getDb().query<{ day: string; total: string; success: string; error: string }>(
    `SELECT day::text AS day, sum(total)::text AS total, sum(success)::text AS success, sum(error)::text AS error
       FROM execution_client_daily
      WHERE day BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR client_id = $3::uuid)
      GROUP BY day`,
    { bind: [first, last, own], type: QueryTypes.SELECT },
  );
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const series: DayRuns[] = [];
  for (let day = first; day <= last; day = addDays({ day, days: 1 })) {
    const row = byDay.get(day);
    series.push({ day, total: Number(row?.total ?? 0), success: Number(row?.success ?? 0), error: Number(row?.error ?? 0) });
  }
  const totals = series.reduce((sum, point) => ({ total: sum.total + point.total, success: sum.success + point.success, error: sum.error + point.error }), { total: 0, success: 0, error: 0 });
  return { days, series, totals };
}
