import type { ExecutionRunDto } from '@monoliet/contract';
import { withConnection } from '~/lib/raw-sql.server';
import type { AlertKind } from '~/models/alert.server';
import type { ExecutionRunRecord } from './executions.server';
import { toExecutionRunDto } from './executions.server';
import { isInvoiceOverdue } from './invoice-dto';
import { toOpenAlert, type OpenAlert } from './open-alerts.server';
import type { DayFigures } from './run-figures';

// Everything the client dashboard shows, for one client, in ONE statement: the page is opened far more
// often than anything else, and eight finders (each a pool checkout, a round trip and Sequelize's query
// building) cost several times what the database spends on them. Each part reads what the list services
// read (the per-client rollups, open alerts, recent failed runs, open tickets, the unpaid invoice due
// first) with the same filters and order; the rows are mapped by the same DTO functions.

export type DashboardTicket = { id: string; subject: string; status: string; updatedAt: string };
export type DashboardInvoice = { id: string; number: string; amount: string; currency: string; dueDate: string; status: string } | null;

export type DashboardData = {
  days: DayFigures[];
  alerts: OpenAlert[];
  failures: ExecutionRunDto[];
  openTickets: number;
  tickets: DashboardTicket[];
  nextInvoice: DashboardInvoice;
};

type Row = {
  days: [string, number, number, number, number, string][];
  alerts: { id: string; kind: AlertKind; message: string; count: number; openedAt: string; workflowId: string; workflowName: string }[];
  failures: (Omit<ExecutionRunRecord, 'startedAt' | 'stoppedAt' | 'workflow'> & { startedAt: string; stoppedAt: string | null; workflow: NonNullable<ExecutionRunRecord['workflow']> })[];
  open_tickets: number;
  tickets: DashboardTicket[];
  next_invoice: { id: string; number: string; amount: string; currency: string; dueDate: string; status: 'pending' | 'overdue' } | null;
};

const FAILED = ['error', 'crashed'];

const DASHBOARD_SQL = `
SELECT
  (SELECT coalesce(json_agg(json_build_array(d.day, d.total, d.success, d.error, d.sum_duration_ms, d.minutes_saved::text) ORDER BY d.day), '[]')
     FROM execution_client_daily d WHERE d.client_id = $1 AND d.day BETWEEN $2::date AND $3::date) AS days,
  (SELECT coalesce(json_agg(a), '[]') FROM (
     SELECT a.id, a.kind, a.message, a.count, a.opened_at AS "openedAt", w.id AS "workflowId", w.name AS "workflowName"
     FROM alerts a JOIN workflows w ON w.id = a.workflow_id
     WHERE a.resolved_at IS NULL AND w.client_id = $1
     ORDER BY a.opened_at DESC LIMIT $4) a) AS alerts,
  (SELECT coalesce(json_agg(r), '[]') FROM (
     SELECT r.id, r.instance_id AS "instanceId", r.n8n_execution_id AS "n8nExecutionId", r.status, r.mode,
            r.started_at AS "startedAt", r.stopped_at AS "stoppedAt", r.duration_ms AS "durationMs",
            r.error_message AS "errorMessage", r.error_node AS "errorNode", r.retry_of AS "retryOf",
            r.item_count AS "itemCount", r.source,
            json_build_object('id', w.id, 'name', w.name, 'n8nWorkflowId', w.n8n_workflow_id, 'clientId', w.client_id) AS workflow
     FROM execution_runs r JOIN workflows w ON w.id = r.workflow_id
     WHERE w.client_id = $1 AND r.status = ANY($5::text[]) AND r.started_at >= $6::timestamptz
     ORDER BY r.started_at DESC, r.id DESC LIMIT $4) r) AS failures,
  (SELECT count(*)::int FROM support_tickets t WHERE t.client_id = $1 AND t.status IN ('open', 'in_progress')) AS open_tickets,
  (SELECT coalesce(json_agg(t), '[]') FROM (
     SELECT t.id, t.subject, t.status, t.updated_at AS "updatedAt" FROM support_tickets t
     WHERE t.client_id = $1 AND t.status IN ('open', 'in_progress')
     ORDER BY t.updated_at DESC, t.id DESC LIMIT $7) t) AS tickets,
  (SELECT row_to_json(i) FROM (
     SELECT i.id, i.number, i.amount::text, i.currency, i.due_date::text AS "dueDate", i.status FROM invoices i
     WHERE i.client_id = $1 AND i.status IN ('pending', 'overdue')
     ORDER BY i.due_date, i.id LIMIT 1) i) AS next_invoice`;

const iso = (at: string) => new Date(at).toISOString();

/**
 * The dashboard's data of one client: its daily figures from `from` to `to`, its newest open alerts and
 * failed runs since `failuresSince` (`limit` of each), its open tickets (how many, the `tickets` latest) and
 * its unpaid invoice due first.
 */
export async function loadDashboardData({
  clientId,
  from,
  to,
  failuresSince,
  today,
  limit,
  tickets,
}: {
  clientId: string;
  from: string;
  to: string;
  failuresSince: Date;
  today: string;
  limit: number;
  tickets: number;
}): Promise<DashboardData> {
  const [row] = await withConnection((sql) => sql<Row>(DASHBOARD_SQL, [clientId, from, to, limit, FAILED, failuresSince.toISOString(), tickets], 'client_dashboard'));
  const { days, alerts, failures, open_tickets: openTickets, tickets: latest, next_invoice: invoice } = row!;
  return {
    days: days.map(([day, total, success, error, sumDurationMs, minutesSaved]) => ({ day, total, success, error, sumDurationMs: Number(sumDurationMs), minutesSaved: Number(minutesSaved) })),
    alerts: alerts.map((alert) => toOpenAlert({ ...alert, openedAt: new Date(alert.openedAt), workflow: { id: alert.workflowId, name: alert.workflowName } })),
    failures: failures.map((run) => toExecutionRunDto({ ...run, startedAt: new Date(run.startedAt), stoppedAt: run.stoppedAt ? new Date(run.stoppedAt) : null })),
    openTickets,
    tickets: latest.map((ticket) => ({ ...ticket, updatedAt: iso(ticket.updatedAt) })),
    nextInvoice: invoice && { ...invoice, status: isInvoiceOverdue({ status: invoice.status, dueDate: invoice.dueDate, today }) ? 'overdue' : invoice.status },
  };
}
