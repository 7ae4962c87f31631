import type { ExecutionRunDto, ExecutionStats } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { KPI_DAYS, type ChartRange } from '~/lib/periods';
import { clientScopeOf } from '~/lib/policy.server';
import { loadDashboardData, type DashboardInvoice, type DashboardTicket } from './dashboard-data.server';
import { statsOfPeriod, todayUtc } from './execution-stats.server';
import { addDays } from './invoices.server';
import type { OpenAlert } from './open-alerts.server';

const RECENT_FAILURE_DAYS = 7;

/** The dashboard's ticket card: how many are not resolved, and the latest of them. */
export type OpenTicketsSummary = { openCount: number; recent: DashboardTicket[] };
/** The dashboard's invoice card: the unpaid invoice due first (an overdue one before any other). */
export type NextInvoice = DashboardInvoice;

export type Dashboard = {
  current: ExecutionStats;
  previous: ExecutionStats;
  chart: ExecutionStats;
  attention: { alerts: OpenAlert[]; failures: ExecutionRunDto[]; tickets: OpenTicketsSummary; nextInvoice: NextInvoice };
};

/**
 * The client dashboard: the last 30 days against the 30 before, a chart range, and what needs attention.
 * Every figure comes from the same rollups as GET /api/v1/executions/stats, and the lists show what the
 * alerts, executions, tickets and invoices lists show first; all of it read in one statement.
 */
export async function getDashboard({ caller, range, now = new Date() }: { caller: Caller; range: ChartRange; now?: Date }): Promise<Dashboard> {
  const clientId = clientScopeOf(caller);
  if (!clientId) throw new ApiError('forbidden', 'The dashboard shows one client: sign in as a member of a client');
  const today = todayUtc(now);
  const previousUntil = addDays({ day: today, days: -KPI_DAYS });
  const data = await loadDashboardData({
    clientId,
    from: addDays({ day: today, days: 1 - Math.max(2 * KPI_DAYS, range) }),
    to: today,
    failuresSince: new Date(now.getTime() - RECENT_FAILURE_DAYS * 86_400_000),
    today,
    limit: 5,
    tickets: 3,
  });
  const current = statsOfPeriod({ rows: data.days, days: KPI_DAYS, until: today });
  return {
    current,
    previous: statsOfPeriod({ rows: data.days, days: KPI_DAYS, until: previousUntil }),
    chart: range === KPI_DAYS ? current : statsOfPeriod({ rows: data.days, days: range, until: today }),
    attention: {
      alerts: data.alerts,
      failures: data.failures,
      tickets: { openCount: data.openTickets, recent: data.tickets },
      nextInvoice: data.nextInvoice,
    },
  };
}
