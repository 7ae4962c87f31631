import { formatMoney } from '~/lib/money';

// A client's timeline on its staff page: what happened to its tickets, invoices and workflow alerts, newest
// first. The rows come from ticket_events, the invoices' own dates and the alerts' open/resolve times.

export type TimelineTone = 'gray' | 'blue' | 'green' | 'red' | 'amber' | 'violet';
export type TimelineEntry = { id: string; at: string; kind: 'ticket' | 'invoice' | 'alert'; title: string; detail: string | null; href: string | null; tone: TimelineTone };

export type TicketEventRow = { id: string; kind: 'created' | 'status' | 'priority' | 'assignee'; from: string | null; to: string | null; at: Date; ticketId: string; number: number; subject: string; actor: string | null; assigneeName: string | null };
export type InvoiceEventRow = { id: string; event: 'issued' | 'paid' | 'voided' | 'overdue'; at: Date; number: string; amount: string; currency: string };
export type AlertEventRow = { id: string; event: 'opened' | 'resolved'; at: Date; kind: string; message: string; workflowName: string };

const STATUS_WORDS: Record<string, string> = { open: 'open', in_progress: 'in progress', resolved: 'resolved' };

export function ticketEntry(row: TicketEventRow): TimelineEntry {
  const ticket = `#${row.number}`;
  const title = {
    created: `Ticket ${ticket} opened`,
    status: row.to === 'resolved' ? `Ticket ${ticket} resolved` : row.from === 'resolved' ? `Ticket ${ticket} reopened` : `Ticket ${ticket} set to ${STATUS_WORDS[row.to ?? ''] ?? row.to}`,
    priority: `Ticket ${ticket} priority ${row.from} → ${row.to}`,
    assignee: row.to ? `Ticket ${ticket} assigned to ${row.assigneeName ?? 'a former team member'}` : `Ticket ${ticket} unassigned`,
  }[row.kind];
  const tone: TimelineTone = row.kind === 'created' ? 'blue' : row.to === 'resolved' ? 'green' : 'gray';
  return { id: `t-${row.id}`, at: row.at.toISOString(), kind: 'ticket', title, detail: `${row.subject}${row.actor ? ` · by ${row.actor}` : ''}`, href: `/staff/tickets/${row.ticketId}`, tone };
}

export function invoiceEntry(row: InvoiceEventRow, invoiceId: string): TimelineEntry {
  const money = formatMoney({ amount: row.amount, currency: row.currency });
  const title = { issued: `Invoice ${row.number} issued`, paid: `Invoice ${row.number} paid`, voided: `Invoice ${row.number} voided`, overdue: `Invoice ${row.number} overdue` }[row.event];
  const tone: TimelineTone = { issued: 'violet', paid: 'green', voided: 'gray', overdue: 'red' }[row.event] as TimelineTone;
  return { id: `i-${row.event}-${row.id}`, at: row.at.toISOString(), kind: 'invoice', title, detail: money, href: `/staff/invoices/${invoiceId}`, tone };
}

export function alertEntry(row: AlertEventRow): TimelineEntry {
  const opened = row.event === 'opened';
  return {
    id: `a-${row.event}-${row.id}`,
    at: row.at.toISOString(),
    kind: 'alert',
    title: opened ? `${row.workflowName} started failing` : `${row.workflowName} recovered`,
    detail: opened ? row.message || row.kind : null,
    href: null,
    tone: opened ? 'red' : 'green',
  };
}

/** Newest first; entries at the same moment keep a stable order. */
export function mergeTimeline({ entries, limit }: { entries: TimelineEntry[]; limit: number }): TimelineEntry[] {
  return [...entries].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1)).slice(0, limit);
}
