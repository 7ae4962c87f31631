import { API_TOKEN_PREFIX, type ApiTokenCreate, type ApiTokenDto, type TokenListQuery, type TokenScope } from '@monoliet/contract';
import { mustSetUpTwoFactor } from '~/lib/auth.server';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import { actorOf, CLIENT_SCOPES, STAFF_SCOPES, type Caller } from '~/lib/caller.server';
import { randomToken, sha256 } from '~/lib/crypto.server';
import { ApiError } from '~/lib/errors.server';
import { paginate } from '~/lib/pagination.server';
import { isStaff } from '~/lib/policy.server';
import { withConnection } from '~/lib/raw-sql.server';
import { lookupCache } from '~/models/change-hooks.server';
import { selectColumns } from '~/models/columns.server';
import { ApiToken, User } from '~/models/index.server';
import { MEMBERSHIP_INCLUDE, USER_WITH_CLIENT_JOINS, userValuesOf, userWithClientColumns } from '~/models/user-with-client.server';
import { recordAudit } from './audit.server';

// Tokens look like `mlt_<random>`; only their SHA-256 is stored, with a short prefix to recognise them.
const PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
const LAST_USED_RESOLUTION_MS = 60_000;

export function toApiTokenDto(token: ApiToken): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    userId: token.userId,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}

export function allowedScopesFor(user: Pick<User, 'role'>): readonly TokenScope[] {
  return user.role === 'staff' ? STAFF_SCOPES : CLIENT_SCOPES;
}

/** Issues a token for a user; returns the secret once. */
export async function issueToken({ user, name, scopes, expiresAt }: { user: User; name: string; scopes: TokenScope[]; expiresAt?: Date | null }) {
  const allowed = allowedScopesFor(user);
  const refused = scopes.filter((s) => !allowed.includes(s));
  if (refused.length) throw new ApiError('invalid_input', `A ${user.role} user cannot hold the scope "${refused[0]}"`, { scopes: [`not allowed: ${refused.join(', ')}`] });
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new ApiError('invalid_input', 'The expiry is in the past', { expiresAt: ['must be in the future'] });
  const secret = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const apiToken = await ApiToken.create({
    userId: user.id,
    name,
    tokenHash: sha256(secret),
    prefix: secret.slice(0, PREFIX_LENGTH),
    scopes: [...new Set(scopes)],
    lastUsedAt: null,
    expiresAt: expiresAt ?? null,
    revokedAt: null,
  });
  return { token: secret, apiToken };
}

export async function createToken({ caller, input }: { caller: Caller; input: ApiTokenCreate }) {
  let owner = caller.user;
  if (input.userId && input.userId !== caller.user.id) {
    if (!isStaff(caller)) throw new ApiError('forbidden', 'Only staff can create tokens for another user');
    const other = await User.findByPk(input.userId);
    if (!other || !other.isActive) throw new ApiError('not_found', 'User not found');
    owner = other;
  }
  // REQUIRE_STAFF_2FA: an existing token keeps working, but it cannot mint new ones for staff without TOTP
  if (mustSetUpTwoFactor(owner)) {
    throw new ApiError('forbidden', `Two-factor authentication is required for staff accounts. ${owner.id === caller.user.id ? 'Set it up' : 'This user must set it up'} at ${PORTAL_PATHS.staffTwoFactorSetup()} before a new token can be issued.`);
  }
  const created = await issueToken({ user: owner, name: input.name, scopes: input.scopes, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null });
  await recordAudit({ actor: actorOf(caller), action: 'token.create', target: { type: 'api_token', id: created.apiToken.id }, metadata: { name: input.name, scopes: input.scopes, owner: owner.email } });
  return { token: created.token, apiToken: toApiTokenDto(created.apiToken) };
}

export async function listTokens({ caller, query }: { caller: Caller; query: TokenListQuery }) {
  if (query.user && query.user !== caller.user.id && !isStaff(caller)) throw new ApiError('forbidden', "Only staff can list another user's tokens");
  const where = { userId: query.user ?? caller.user.id, ...(query.includeRevoked ? {} : { revokedAt: null }) };
  const page = await paginate({ model: ApiToken, where, order: { field: 'createdAt', direction: 'DESC' }, limit: query.limit, cursor: query.cursor });
  return { data: page.rows.map(toApiTokenDto), nextCursor: page.nextCursor };
}

export async function revokeToken({ caller, id }: { caller: Caller; id: string }) {
  const token = await ApiToken.findByPk(id);
  if (!token || (token.userId !== caller.user.id && !isStaff(caller))) throw new ApiError('not_found', 'Token not found');
  if (!token.revokedAt) {
    await token.update({ revokedAt: new Date() });
    await recordAudit({ actor: actorOf(caller), action: 'token.revoke', target: { type: 'api_token', id: token.id }, metadata: { name: token.name } });
  }
}

/**
 * Tokens seen in the last seconds. A revoked token, a deactivated user or a changed membership is dropped
 * from this process's cache at once (model hooks) and stops working on other replicas within the TTL.
 */
const TOKEN_CACHE_TTL_MS = 2_000;
const activeTokens = lookupCache<ApiToken>({ ttlMs: TOKEN_CACHE_TTL_MS, models: ['ApiToken', 'User', 'ClientMember', 'Client'] });

let tokenLookupSql: string | undefined;

/**
 * The active token for a presented secret, with its user, membership and client; null if unknown, revoked,
 * expired or the user is inactive. Every API request runs this, so the look-up is one plain statement: a
 * finder with three nested includes cost more CPU than the rest of an ingest request.
 */
export async function findActiveToken(secret: string) {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const hash = sha256(secret);
  const cached = activeTokens.get(hash);
  if (cached && (!cached.expiresAt || cached.expiresAt.getTime() > Date.now())) return cached;
  return activeTokens.load(hash, () => loadActiveToken(hash));
}

async function loadActiveToken(hash: string) {
  tokenLookupSql ??= `SELECT ${selectColumns(ApiToken, 't')}, ${userWithClientColumns()}
    FROM api_tokens t
    JOIN users u ON u.id = t.user_id
    ${USER_WITH_CLIENT_JOINS}
    WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
    LIMIT 1`;
  const [flat] = await withConnection((sql) => sql(tokenLookupSql!, [hash], 'api_token_lookup'));
  if (!flat) return null;
  const { row, user } = userValuesOf(flat);
  const token = ApiToken.build({ ...row.t, user } as never, { isNewRecord: false, raw: true, include: [{ model: User, as: 'user', include: MEMBERSHIP_INCLUDE }] });
  if (!token.user?.isActive) return null;
  // a write per request would cost the ingest path; minute resolution is enough to spot unused tokens
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await withConnection((sql) => sql('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [token.id]));
  }
  return token;
}
