import { Badge, type BadgeTone } from '../ui/badge';

type ClientStatus = 'active' | 'paused' | 'churned';
export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = { active: 'Active', paused: 'Paused', churned: 'Churned' };
const TONES: Record<ClientStatus, BadgeTone> = { active: 'green', paused: 'amber', churned: 'gray' };

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return (
    <span data-testid="client-status">
      <Badge tone={TONES[status]}>{CLIENT_STATUS_LABELS[status]}</Badge>
    </span>
  );
}
