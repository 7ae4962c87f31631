import { Badge, type BadgeTone } from '../ui/badge';

const STATES: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'gray' },
  running: { label: 'Running', tone: 'blue' },
  ok: { label: 'OK', tone: 'green' },
  error: { label: 'Failed', tone: 'red' },
};

/** The state of a sync run (or an instance's last sync); null: never synced. */
export function SyncStatusBadge({ status }: { status: string | null }) {
  if (!status) return <Badge tone="gray">Never synced</Badge>;
  const { label, tone } = STATES[status] ?? { label: status, tone: 'gray' };
  return <Badge tone={tone}>{label}</Badge>;
}
