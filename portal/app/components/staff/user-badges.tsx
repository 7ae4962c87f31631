import { Badge } from '../ui/badge';

export function UserStatusBadge({ isActive, hasPassword }: { isActive: boolean; hasPassword: boolean }) {
  if (!isActive) return <Badge tone="red">Deactivated</Badge>;
  if (!hasPassword) return <Badge tone="amber">Invited</Badge>;
  return <Badge tone="green">Active</Badge>;
}

export function RoleBadge({ role, memberRole }: { role: 'staff' | 'client'; memberRole?: 'owner' | 'member' | null }) {
  if (role === 'staff') return <Badge tone="violet">Staff</Badge>;
  return <Badge tone="blue">{memberRole === 'owner' ? 'Client owner' : 'Client member'}</Badge>;
}
