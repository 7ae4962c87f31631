import type { CredentialStatus } from '@monoliet/contract';
import { Badge, type BadgeTone } from '../ui/badge';

// Plain words for clients: what the agency did with the credential.
const LABELS: Record<CredentialStatus, string> = { pending: 'Received', active: 'In use', invalid: 'Not working', revoked: 'Revoked' };
const TONES: Record<CredentialStatus, BadgeTone> = { pending: 'blue', active: 'green', invalid: 'red', revoked: 'gray' };
const EXPLANATIONS: Record<CredentialStatus, string> = {
  pending: 'We received it and will set it up soon.',
  active: 'Your automations use it.',
  invalid: 'It did not work; please submit a new one.',
  revoked: 'No longer used; its values were deleted.',
};

export function CredentialStatusBadge({ status }: { status: CredentialStatus }) {
  return (
    <span title={EXPLANATIONS[status]}>
      <Badge tone={TONES[status]}>{LABELS[status]}</Badge>
    </span>
  );
}
