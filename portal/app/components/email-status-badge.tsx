import { Badge, type BadgeTone } from './ui/badge';

const TONES: Record<string, BadgeTone> = { queued: 'amber', outbox: 'blue', sent: 'green', failed: 'red' };

/** An email's delivery status: queued (waiting to be sent), outbox (kept, no SMTP), sent, failed. */
export function EmailStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'gray'}>{status}</Badge>;
}
