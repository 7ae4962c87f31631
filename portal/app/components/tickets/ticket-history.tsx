import type { TicketHistoryEntry, TicketPriority, TicketStatus } from '@monoliet/contract';
import { formatDateTime } from '~/lib/format';
import { PRIORITY_LABELS, STATUS_LABELS } from './ticket-badges';

function describe(entry: TicketHistoryEntry): string {
  switch (entry.kind) {
    case 'created':
      return 'Ticket opened';
    case 'status':
      if (entry.to === 'resolved') return 'Marked as resolved';
      if (entry.from === 'resolved') return 'Reopened';
      return `Status changed to ${STATUS_LABELS[entry.to as TicketStatus] ?? entry.to}`;
    case 'priority':
      return `Priority changed from ${PRIORITY_LABELS[entry.from as TicketPriority] ?? entry.from} to ${PRIORITY_LABELS[entry.to as TicketPriority] ?? entry.to}`;
    case 'assignee':
      return entry.to ? `Assigned to ${entry.to}` : 'Unassigned';
  }
}

/** The status history of a ticket as a vertical timeline, oldest first. */
export function TicketHistory({ history }: { history: TicketHistoryEntry[] }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="Status history">
      {history.map((entry) => (
        <li key={entry.id} className="relative" data-testid="ticket-history-entry">
          <span aria-hidden className={`absolute -left-[25px] top-1 h-2.5 w-2.5 rounded-full ring-4 ring-white ${entry.to === 'resolved' ? 'bg-emerald-500' : 'bg-slate-400'}`} />
          <p className="text-sm font-medium text-slate-800">{describe(entry)}</p>
          <p className="text-xs text-slate-500">
            {entry.actor ? `${entry.actor.name} · ` : ''}
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
