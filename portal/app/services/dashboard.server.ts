import { InvoiceListQuerySchema, TicketListQuerySchema, type ExecutionRunDto, type ExecutionStats } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { KPI_DAYS, type ChartRange } from '~/lib/periods';
import { listInvoices } from './invoice-queries.server';
import { addDays } from './invoices.server';
import { getExecutionStats, todayUtc } from './execution-stats.server';
import { listExecutions } from './executions.server';
import { listOpenAlerts, type OpenAlert } from './open-alerts.server';
import { countTicketsByStatus, listTickets } from './tickets.server';

const RECENT_FAILURE_DAYS = 7;

/** The dashboard's ticket card: how many are not resolved, and the latest of them. */
export type OpenTicketsSummary = { openCount: number; recent: { id: string; subject: string; status: string; updatedAt: string }[] };
/** The dashboard's invoice card: the unpaid invoice due first (an overdue one before any other). */
export type NextInvoice = { id: string; number: string; amount: string; currency: string; dueDate: string; status: string } | null;

export type Dashboard = {
  current: ExecutionStats;
  previous: ExecutionStats;
  chart: ExecutionStats;
  attention: { alerts: OpenAlert[]; failures: ExecutionRunDto[]; tickets: OpenTicketsSummary; nextInvoice: NextInvoice };
};

async function summarizeOpenTickets(caller: Caller): Promise<OpenTicketsSummary> {
  const [counts, latest] = await Promise.all([
    countTicketsByStatus(caller),
    listTickets({ caller, query: TicketListQuerySchema.parse({ status: 'open,in_progress', order: '-updatedAt', limit: '3' }) }),
  ]);
  return {
    openCount: counts.open + counts.in_progress,
    recent: latest.data.map((ticket) => ({ id: ticket.id, subject: ticket.subject, status: ticket.status, updatedAt: ticket.updatedAt })),
  };
}

async function findNextInvoice(caller: Caller): Promise<NextInvoice> {
  const page = await listInvoices({ caller, query: InvoiceListQuerySchema.parse({ status: 'pending,overdue', order: 'dueDate', limit: '1' }) });
  const invoice = page.data[0];
  return invoice ? { id: invoice.id, number: invoice.number, amount: invoice.amountDue, currency: invoice.currency, dueDate: invoice.dueDate, status: invoice.isOverdue ? 'overdue' : invoice.status } : null;
}

/**
 * The client dashboard: the last 30 days against the 30 before, a chart range, and what needs attention.
 * Every number comes from the same service as GET /api/v1/executions/stats.
 */
export async function getDashboard({ caller, range, now = new Date() }: { caller: Caller; range: ChartRange; now?: Date }): Promise<Dashboard> {
  const today = todayUtc(now);
  const [current, previous, chart, alerts, failures, tickets, nextInvoice] = await Promise.all([
    getExecutionStats({ caller, query: { days: KPI_DAYS, until: today } }),
    getExecutionStats({ caller, query: { days: KPI_DAYS, until: addDays({ day: today, days: -KPI_DAYS }) } }),
    range === KPI_DAYS ? null : getExecutionStats({ caller, query: { days: range, until: today } }),
    listOpenAlerts({ caller, limit: 5 }),
    listExecutions({
      caller,
      query: { limit: 5, order: '-startedAt', status: ['error', 'crashed'], since: new Date(now.getTime() - RECENT_FAILURE_DAYS * 86_400_000).toISOString() },
    }),
    summarizeOpenTickets(caller),
    findNextInvoice(caller),
  ]);
  return { current, previous, chart: chart ?? current, attention: { alerts, failures: failures.data, tickets, nextInvoice } };
}
