import type { ExecutionStats, RunFigures } from '@monoliet/contract';

/** One (workflow or client) day of the rollups, with the minutes its successful runs saved. */
export type DayFigures = { day: string; total: number; success: number; error: number; sumDurationMs: number; minutesSaved: number };

export type SeriesPoint = ExecutionStats['series'][number];

/** Totals of a period, from its days. The one place that defines success rate, average and time saved. */
export function summarizeFigures(days: readonly Omit<DayFigures, 'day'>[]): RunFigures {
  let total = 0;
  let success = 0;
  let error = 0;
  let sumDurationMs = 0;
  let minutesSaved = 0;
  for (const day of days) {
    total += day.total;
    success += day.success;
    error += day.error;
    sumDurationMs += day.sumDurationMs;
    minutesSaved += day.minutesSaved;
  }
  return {
    total,
    success,
    error,
    // canceled, waiting and running runs are neither a success nor a failure
    successRate: success + error > 0 ? success / (success + error) : null,
    avgDurationMs: total > 0 ? Math.round(sumDurationMs / total) : null,
    minutesSaved: roundMinutes(minutesSaved),
  };
}

/** The series for the given days in order, with a zero entry for each day without runs. */
export function fillSeries({ rows, days }: { rows: readonly DayFigures[]; days: readonly string[] }): SeriesPoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => {
    const row = byDay.get(day);
    return { day, total: row?.total ?? 0, success: row?.success ?? 0, error: row?.error ?? 0, minutesSaved: roundMinutes(row?.minutesSaved ?? 0) };
  });
}

/** Minutes are stored with two decimals; sums of floats are brought back to them. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}
