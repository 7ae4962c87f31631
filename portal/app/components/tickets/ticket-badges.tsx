import type { TicketPriority, TicketStatus } from '@monoliet/contract';
import { Badge, type BadgeTone } from '../ui/badge';

export const STATUS_LABELS: Record<TicketStatus, string> = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved' };
const STATUS_TONES: Record<TicketStatus, BadgeTone> = { open: 'blue', in_progress: 'amber', resolved: 'green' };

export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };
const PRIORITY_TONES: Record<TicketPriority, BadgeTone> = { low: 'gray', medium: 'violet', high: 'amber', urgent: 'red' };

/** What each priority means, in the words of a client choosing one. */
export const PRIORITY_HINTS: Record<TicketPriority, string> = {
  low: 'Low — a question or a small wish',
  medium: 'Medium — something does not work as expected',
  high: 'High — an important automation is failing',
  urgent: 'Urgent — our business is blocked',
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function TicketPriorityBadge({ priority }: { priority: TicketPriority }) {
  return <Badge tone={PRIORITY_TONES[priority]}>{PRIORITY_LABELS[priority]}</Badge>;
}
