import type { Me } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { allowedScopesFor, issueToken, toApiTokenDto } from './api-tokens.server';
import { recordAudit } from './audit.server';
import type { User } from '~/models/index.server';
import { verifyStaffSecondFactor } from './second-factor.server';
import { completeSignIn, signIn } from './sign-in.server';

const SIGN_IN_TOKEN_DAYS = 30;

/**
 * POST /auth/token: email + password (+ the TOTP code of a user with two-factor) for a token with every scope
 * the user's role allows, valid 30 days. With REQUIRE_STAFF_2FA a staff user without two-factor gets none (403).
 */
export async function signInWithToken({ email, password, code, ip }: { email: string; password: string; code?: string; ip?: string }) {
  const result = await signIn({ email, password, ip, forToken: true });
  if (!result.ok && result.reason === 'rate_limited') throw new ApiError('rate_limited', result.message, undefined, { 'Retry-After': String(result.retryAfterSeconds) });
  if (!result.ok && result.reason === 'two_factor_setup_required') throw new ApiError('forbidden', result.message);
  if (!result.ok) throw new ApiError('unauthorized', result.message);
  const { user } = result;
  if (result.secondFactorRequired) await checkSecondFactor({ user, code, ip });
  const expiresAt = new Date(Date.now() + SIGN_IN_TOKEN_DAYS * 86_400_000);
  const { token, apiToken } = await issueToken({ user, name: `Sign-in ${new Date().toISOString().slice(0, 10)}`, scopes: [...allowedScopesFor(user)], expiresAt });
  return { token, apiToken: toApiTokenDto(apiToken), user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/** The second step of a token sign-in: a wrong or missing code is 401, too many wrong codes 429. */
async function checkSecondFactor({ user, code, ip }: { user: User; code?: string; ip?: string }) {
  if (!code) throw new ApiError('unauthorized', 'This account uses two-factor sign-in: send `code` with the current code from the authenticator app', { code: ['required for this account'] });
  const second = await verifyStaffSecondFactor({ user, code, ip });
  if (!second.ok && second.reason === 'rate_limited') throw new ApiError('rate_limited', second.message, undefined, { 'Retry-After': String(second.retryAfterSeconds) });
  if (!second.ok) throw new ApiError('unauthorized', second.message, { code: ['not a current code'] });
  await completeSignIn({ user, ip, secondFactor: second.method });
}

/** POST /auth/logout: revokes the token the request came with (a browser session signs out at /logout). */
export async function logoutToken(caller: Caller) {
  if (!caller.token) throw new ApiError('invalid_input', 'This request is not authenticated with a token; browser sessions sign out with POST /logout');
  await caller.token.update({ revokedAt: new Date() });
  await recordAudit({ actor: actorOf(caller), action: 'token.revoke', target: { type: 'api_token', id: caller.token.id }, metadata: { via: 'auth/logout' } });
}

export function describeCaller(caller: Caller): Me {
  const client = caller.user.membership?.client ?? null;
  return {
    user: { id: caller.user.id, email: caller.user.email, name: caller.user.name, role: caller.user.role },
    client: client ? { id: client.id, slug: client.slug, companyName: client.companyName } : null,
    token: caller.token ? { id: caller.token.id, name: caller.token.name, scopes: caller.token.scopes } : null,
  };
}
