import type { ExecutionRunDto, ExecutionStats } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { KPI_DAYS, type ChartRange } from '~/lib/periods';
import { addDays } from './invoices.server';
import { getExecutionStats, todayUtc } from './execution-stats.server';
import { listExecutions } from './executions.server';
import { listOpenAlerts, type OpenAlert } from './open-alerts.server';

const RECENT_FAILURE_DAYS = 7;

/** What the ticket and invoice services will provide for the dashboard cards (see the README's client portal section). */
export type OpenTicketsSummary = { openCount: number; recent: { id: string; subject: string; status: string; updatedAt: string }[] };
export type NextInvoice = { id: string; number: string; amount: string; currency: string; dueDate: string; status: string } | null;

export type Dashboard = {
  current: ExecutionStats;
  previous: ExecutionStats;
  chart: ExecutionStats;
  attention: { alerts: OpenAlert[]; failures: ExecutionRunDto[] };
};

/**
 * The client dashboard: the last 30 days against the 30 before, a chart range, and what needs attention.
 * Every number comes from the same service as GET /api/v1/executions/stats.
 */
export async function getDashboard({ caller, range, now = new Date() }: { caller: Caller; range: ChartRange; now?: Date }): Promise<Dashboard> {
  const today = todayUtc(now);
  const [current, previous, chart, alerts, failures] = await Promise.all([
    getExecutionStats({ caller, query: { days: KPI_DAYS, until: today } }),
    getExecutionStats({ caller, query: { days: KPI_DAYS, until: addDays({ day: today, days: -KPI_DAYS }) } }),
    range === KPI_DAYS ? null : getExecutionStats({ caller, query: { days: range, until: today } }),
    listOpenAlerts({ caller, limit: 5 }),
    listExecutions({
      caller,
      query: { limit: 5, order: '-startedAt', status: ['error', 'crashed'], since: new Date(now.getTime() - RECENT_FAILURE_DAYS * 86_400_000).toISOString() },
    }),
  ]);
  return { current, previous, chart: chart ?? current, attention: { alerts, failures: failures.data } };
}
