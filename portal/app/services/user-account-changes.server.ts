import type { UserDto, UserUpdate } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { ApiToken, ClientMember, getDb, type User } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { assertClientExists, loadUser, toUserDto } from './user-accounts.server';
import { findUserByEmail, normalizeEmail, setMembership, setPassword } from './users.server';

export async function updateUserAccount({ caller, id, input }: { caller: Caller; id: string; input: UserUpdate }): Promise<UserDto> {
  assertStaff(caller);
  const user = await loadUser(id);
  const role = input.role ?? user.role;
  await checkUpdate({ caller, user, input, role });
  const deactivating = input.isActive === false && user.isActive;
  const changingRole = role !== user.role;
  await getDb().transaction(async (transaction) => {
    // deactivation and a role change end every session (a newer session_version) and revoke every token,
    // because a token's scopes were granted for the old role and must not outlive the account
    const endSessions = deactivating || changingRole;
    await user.update(
      {
        ...(input.email !== undefined ? { email: normalizeEmail(input.email) } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
        role,
        ...(endSessions ? { sessionVersion: user.sessionVersion + 1 } : {}),
      },
      { transaction },
    );
    if (endSessions) await ApiToken.update({ revokedAt: new Date() }, { where: { userId: id, revokedAt: null }, transaction });
    await applyMembership({ user, input, role, transaction });
    await recordAudit(
      {
        actor: actorOf(caller),
        action: auditActionOf({ user, input, deactivating }),
        target: { type: 'user', id },
        clientId: input.clientId ?? user.membership?.clientId ?? null,
        metadata: { email: user.email, fields: Object.keys(input), ...(changingRole ? { role } : {}), sessionsEnded: endSessions },
      },
      transaction,
    );
  });
  return toUserDto(await loadUser(id));
}

async function checkUpdate({ caller, user, input, role }: { caller: Caller; user: User; input: UserUpdate; role: User['role'] }) {
  if (user.id === caller.user.id && (input.isActive === false || role !== user.role)) {
    throw new ApiError('unprocessable', 'You cannot deactivate yourself or change your own role; ask another staff member');
  }
  if (role === 'staff' && input.clientId) throw new ApiError('invalid_input', 'Staff users do not belong to a client', { clientId: ['only client users have a client'] });
  if (role === 'staff' && input.memberRole) throw new ApiError('invalid_input', 'Staff users do not belong to a client', { memberRole: ['only client users have a member role'] });
  if (input.memberRole && input.clientId === null) throw new ApiError('invalid_input', 'A member role needs a client', { memberRole: ['the membership is being removed'] });
  if (input.memberRole && !input.clientId && !user.membership) throw new ApiError('invalid_input', 'This user has no client yet', { memberRole: ['send clientId too'] });
  if (input.clientId) await assertClientExists(input.clientId);
  if (input.email !== undefined) {
    const other = await findUserByEmail(input.email);
    if (other && other.id !== user.id) throw new ApiError('conflict', 'A user with this email already exists', { email: ['already taken'] });
  }
}

async function applyMembership({ user, input, role, transaction }: { user: User; input: UserUpdate; role: User['role']; transaction: Transaction }) {
  if (role === 'staff' || input.clientId === null) {
    await ClientMember.destroy({ where: { userId: user.id }, transaction });
    return;
  }
  const clientId = input.clientId ?? user.membership?.clientId;
  if (!clientId || (input.clientId === undefined && input.memberRole === undefined)) return;
  await setMembership({ userId: user.id, clientId, role: input.memberRole ?? user.membership?.role ?? 'member' }, transaction);
}

function auditActionOf({ user, input, deactivating }: { user: User; input: UserUpdate; deactivating: boolean }): string {
  if (deactivating) return 'user.deactivate';
  if (input.isActive === true && !user.isActive) return 'user.reactivate';
  return 'user.update';
}

/** Staff set a user's password (the policy applies); every other session of the user ends. */
export async function setUserPassword({ caller, id, password }: { caller: Caller; id: string; password: string }) {
  assertStaff(caller);
  const user = await loadUser(id);
  await getDb().transaction(async (transaction) => {
    await setPassword({ userId: id, password }, transaction);
    await recordAudit({ actor: actorOf(caller), action: 'user.password_set', target: { type: 'user', id }, clientId: user.membership?.clientId ?? null, metadata: { email: user.email } }, transaction);
  });
}
