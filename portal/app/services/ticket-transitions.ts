import { TICKET_TRANSITIONS, type TicketStatus } from '@monoliet/contract';

const LABELS: Record<TicketStatus, string> = { open: 'open', in_progress: 'in progress', resolved: 'resolved' };

/** Why a ticket cannot move from one status to another, or null when it can (or nothing changes). */
export function checkTicketTransition({ from, to }: { from: TicketStatus; to: TicketStatus }): string | null {
  if (from === to || TICKET_TRANSITIONS[from].includes(to)) return null;
  if (from === 'resolved') return `This ticket is resolved; reopen it (status "open") before setting it to ${LABELS[to]}`;
  return `A ticket that is ${LABELS[from]} cannot be set to ${LABELS[to]}; allowed: ${TICKET_TRANSITIONS[from].map((s) => LABELS[s]).join(', ')}`;
}
