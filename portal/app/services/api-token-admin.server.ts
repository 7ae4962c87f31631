import type { ApiTokenDto } from '@monoliet/contract';
import { Op, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { paginate } from '~/lib/pagination.server';
import { assertStaff } from '~/lib/policy.server';
import { ApiToken, User } from '~/models/index.server';
import { toApiTokenDto } from './api-tokens.server';

// The staff view of every API token of every user (the API's GET /tokens lists one user's).

export const TOKEN_STATES = ['active', 'expired', 'revoked'] as const;
export type TokenState = (typeof TOKEN_STATES)[number];
export type StaffTokenRow = ApiTokenDto & { owner: { id: string; email: string; role: 'staff' | 'client' } | null; state: TokenState };

function stateOf(token: ApiToken): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'active';
}

function whereState(state: TokenState | undefined): WhereOptions<ApiToken> {
  const now = new Date();
  if (state === 'revoked') return { revokedAt: { [Op.ne]: null } };
  if (state === 'expired') return { revokedAt: null, expiresAt: { [Op.lte]: now } };
  if (state === 'active') return { revokedAt: null, [Op.or]: [{ expiresAt: null }, { expiresAt: { [Op.gt]: now } }] };
  return {};
}

export async function listAllTokens({ caller, query }: { caller: Caller; query: { state?: TokenState; user?: string; cursor?: string; limit: number } }) {
  assertStaff(caller);
  const where = { ...whereState(query.state), ...(query.user ? { userId: query.user } : {}) };
  const include = [{ model: User, as: 'user', attributes: ['id', 'email', 'role'] }];
  const page = await paginate({ model: ApiToken, where, include, order: { field: 'createdAt', direction: 'DESC' }, limit: query.limit, cursor: query.cursor });
  const data: StaffTokenRow[] = page.rows.map((token) => ({ ...toApiTokenDto(token), owner: token.user ? { id: token.user.id, email: token.user.email, role: token.user.role } : null, state: stateOf(token) }));
  return { data, nextCursor: page.nextCursor };
}
