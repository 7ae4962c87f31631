import { QueryTypes } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb } from '~/models/index.server';
import { alertEntry, invoiceEntry, mergeTimeline, ticketEntry, type AlertEventRow, type InvoiceEventRow, type TicketEventRow, type TimelineEntry } from './client-timeline';

/** Staff: the latest ticket, invoice and alert events of one client, newest first. */
export async function listClientTimeline({ caller, clientId, limit = 40 }: { caller: Caller; clientId: string; limit?: number }): Promise<TimelineEntry[]> {
  assertStaff(caller);
  const db = getDb();
  const bind = [clientId, limit];
  const [tickets, invoices, alerts] = await Promise.all([
    db.query<TicketEventRow>(
      `SELECT e.id, e.kind, e.from_value AS "from", e.to_value AS "to", e.at, t.id AS "ticketId", t.number, t.subject,
              coalesce(nullif(a.name, ''), a.email) AS actor,
              (SELECT coalesce(nullif(u.name, ''), u.email) FROM users u WHERE e.kind = 'assignee' AND u.id::text = e.to_value) AS "assigneeName"
         FROM ticket_events e JOIN support_tickets t ON t.id = e.ticket_id LEFT JOIN users a ON a.id = e.actor_id
        WHERE t.client_id = $1 ORDER BY e.at DESC, e.seq DESC LIMIT $2`,
      { bind, type: QueryTypes.SELECT },
    ),
    db.query<InvoiceEventRow & { invoiceId: string }>(
      `SELECT * FROM (
         SELECT id, id AS "invoiceId", 'issued' AS event, created_at AS at, number, amount::text, currency FROM invoices WHERE client_id = $1
         UNION ALL SELECT id, id, 'paid', paid_at, number, amount::text, currency FROM invoices WHERE client_id = $1 AND paid_at IS NOT NULL
         UNION ALL SELECT id, id, 'voided', voided_at, number, amount::text, currency FROM invoices WHERE client_id = $1 AND voided_at IS NOT NULL
         UNION ALL SELECT id, id, 'overdue', (due_date + 1)::timestamp AT TIME ZONE 'UTC', number, amount::text, currency FROM invoices
                    WHERE client_id = $1 AND (status = 'overdue' OR (status = 'pending' AND due_date < (now() AT TIME ZONE 'UTC')::date))
       ) events ORDER BY at DESC LIMIT $2`,
      { bind, type: QueryTypes.SELECT },
    ),
    db.query<AlertEventRow>(
      `SELECT * FROM (
         SELECT a.id, 'opened' AS event, a.opened_at AS at, a.kind, a.message, w.name AS "workflowName" FROM alerts a JOIN workflows w ON w.id = a.workflow_id WHERE w.client_id = $1
         UNION ALL SELECT a.id, 'resolved', a.resolved_at, a.kind, a.message, w.name FROM alerts a JOIN workflows w ON w.id = a.workflow_id WHERE w.client_id = $1 AND a.resolved_at IS NOT NULL
       ) events ORDER BY at DESC LIMIT $2`,
      { bind, type: QueryTypes.SELECT },
    ),
  ]);
  const entries = [
    ...tickets.map((row) => ticketEntry({ ...row, at: new Date(row.at) })),
    ...invoices.map((row) => invoiceEntry({ ...row, at: new Date(row.at) }, row.invoiceId)),
    ...alerts.map((row) => alertEntry({ ...row, at: new Date(row.at) })),
  ];
  return mergeTimeline({ entries, limit });
}
