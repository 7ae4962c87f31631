import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { verifyPassword } from '~/lib/password.server';
import { ClientMember, User } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { checkPassword } from './password-policy';
import { setPassword } from './users.server';

/** Whether this is the user's current password; asked again before sensitive actions. */
export async function confirmPassword({ userId, password }: { userId: string; password: string }): Promise<boolean> {
  const user = await User.findByPk(userId, { attributes: ['id', 'passwordHash', 'isActive'] });
  if (!user?.passwordHash || !user.isActive) return false;
  return verifyPassword({ password, hash: user.passwordHash });
}

/**
 * Changes the signed-in user's password after checking the current one. Every other session of the user
 * ends (setPassword bumps the session version); the caller re-issues its own cookie with the returned user.
 */
export async function changeOwnPassword({ user, currentPassword, newPassword, ip }: { user: User; currentPassword: string; newPassword: string; ip?: string | null }): Promise<User> {
  if (!(await confirmPassword({ userId: user.id, password: currentPassword }))) {
    throw new ApiError('invalid_input', 'Your current password is not correct', { currentPassword: ['This is not your current password'] });
  }
  const problem = checkPassword({ password: newPassword, email: user.email });
  if (problem) throw new ApiError('invalid_input', problem, { newPassword: [problem] });
  if (newPassword === currentPassword) throw new ApiError('invalid_input', 'Choose a new password', { newPassword: ['Choose a password different from your current one'] });
  const updated = await setPassword({ userId: user.id, password: newPassword });
  await recordAudit({ actor: { id: user.id, label: user.email, ip }, action: 'user.password_change', target: { type: 'user', id: user.id } });
  return updated;
}

export type ClientMemberView = { id: string; name: string; email: string; role: 'owner' | 'member'; isActive: boolean; lastLoginAt: string | null };

/** The people of a client, for its owner's account page. Only an owner may see them. */
export async function listClientMembers({ clientId, memberRole }: { clientId: string; memberRole: 'owner' | 'member' | null }): Promise<ClientMemberView[]> {
  if (memberRole !== 'owner') throw new ApiError('forbidden', 'Only the owner of a client can see its members');
  return loadClientMembers(clientId);
}

/** Staff: the people of any client, on the client's staff page. */
export async function listMembersOfClient({ caller, clientId }: { caller: Caller; clientId: string }): Promise<ClientMemberView[]> {
  assertStaff(caller);
  return loadClientMembers(clientId);
}

async function loadClientMembers(clientId: string): Promise<ClientMemberView[]> {
  const members = await ClientMember.findAll({
    where: { clientId },
    include: [{ model: User, as: 'user', attributes: ['id', 'name', 'email', 'isActive', 'lastLoginAt'] }],
  });
  return members
    .filter((m) => m.user)
    .map((m) => ({ id: m.user!.id, name: m.user!.name, email: m.user!.email, role: m.role, isActive: m.user!.isActive, lastLoginAt: m.user!.lastLoginAt?.toISOString() ?? null }))
    .sort((a, b) => (a.role === b.role ? (a.name || a.email).localeCompare(b.name || b.email) : a.role === 'owner' ? -1 : 1));
}
