import type { UserCreate, UserDto, UserListQuery } from '@monoliet/contract';
import { Op, type Includeable, type WhereOptions } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, ClientMember, getDb, User } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { escapeLike } from './clients.server';
import { createUser, getUserWithClient } from './users.server';

// Staff manage portal accounts through these (the /api/v1/users routes and the staff pages).

/** Only what staff need to see: never the password hash, the TOTP secret or the recovery codes. */
export function toUserDto(user: User): UserDto {
  const client = user.membership?.client ?? null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isActive: user.isActive,
    hasPassword: user.passwordHash !== null,
    twoFactorEnabled: user.totpEnabledAt !== null,
    client: client ? { id: client.id, slug: client.slug, companyName: client.companyName } : null,
    memberRole: user.membership?.role ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export async function listUsers({ caller, query }: { caller: Caller; query: UserListQuery }) {
  assertStaff(caller);
  const pattern = query.search ? `%${escapeLike(query.search)}%` : undefined;
  const where: WhereOptions<User> = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.active === undefined ? {} : { isActive: query.active }),
    ...(pattern ? { [Op.or]: [{ email: { [Op.iLike]: pattern } }, { name: { [Op.iLike]: pattern } }] } : {}),
  };
  const membership: Includeable = {
    model: ClientMember,
    as: 'membership',
    required: Boolean(query.client),
    ...(query.client ? { where: { clientId: query.client } } : {}),
    include: [{ model: Client, as: 'client' }],
  };
  const page = await paginate({ model: User, where, order: parseOrder(query.order), limit: query.limit, cursor: query.cursor, include: [membership] });
  return { data: page.rows.map(toUserDto), nextCursor: page.nextCursor };
}

export async function getUserAccount({ caller, id }: { caller: Caller; id: string }): Promise<UserDto> {
  assertStaff(caller);
  return toUserDto(await loadUser(id));
}

export async function loadUser(id: string): Promise<User> {
  const user = await getUserWithClient(id);
  if (!user) throw new ApiError('not_found', 'User not found');
  return user;
}

/** A client named in a request body: an unknown id is invalid input (400), not a missing route (404). */
export async function assertClientExists(clientId: string) {
  if (!(await Client.findByPk(clientId))) throw new ApiError('invalid_input', 'There is no client with this id', { clientId: ['no client with this id'] });
}

export async function createUserAccount({ caller, input }: { caller: Caller; input: UserCreate }): Promise<UserDto> {
  assertStaff(caller);
  if (input.role === 'staff' && input.clientId) throw new ApiError('invalid_input', 'Staff users do not belong to a client', { clientId: ['only client users have a client'] });
  if (input.memberRole && !input.clientId) throw new ApiError('invalid_input', 'A member role needs a client', { memberRole: ['send clientId too'] });
  if (input.clientId) await assertClientExists(input.clientId);
  const user = await getDb().transaction(async (transaction) => {
    const created = await createUser(input, transaction);
    await recordAudit(
      {
        actor: actorOf(caller),
        action: 'user.create',
        target: { type: 'user', id: created.id },
        clientId: input.clientId ?? null,
        metadata: { email: created.email, role: created.role, withPassword: input.password !== undefined },
      },
      transaction,
    );
    return created;
  });
  return toUserDto(await loadUser(user.id));
}
