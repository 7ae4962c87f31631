import type { ExecutionReport, ExecutionStatus } from '@monoliet/contract';

// Mirrors the SQL function execution_status_rank: a finished status outranks waiting, which outranks running.
const STATUS_RANK: Record<ExecutionStatus, number> = {
  success: 3,
  error: 3,
  crashed: 3,
  canceled: 3,
  waiting: 2,
  running: 1,
  new: 0,
  unknown: 0,
};

export function statusRank(status: ExecutionStatus): number {
  return STATUS_RANK[status];
}

/**
 * Postgres refuses an ON CONFLICT DO UPDATE that touches one row twice, so a batch holding the same
 * execution twice is reduced to one report first: the most final status wins, a later report wins a tie,
 * and fields only the losing report has are kept.
 */
export function dedupeReports(reports: ExecutionReport[]): ExecutionReport[] {
  const byId = new Map<string, ExecutionReport>();
  for (const report of reports) {
    const seen = byId.get(report.executionId);
    if (!seen) {
      byId.set(report.executionId, report);
      continue;
    }
    const [winner, loser] = statusRank(report.status) >= statusRank(seen.status) ? [report, seen] : [seen, report];
    byId.set(report.executionId, { ...stripUndefined(loser), ...stripUndefined(winner) } as ExecutionReport);
  }
  return [...byId.values()];
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
