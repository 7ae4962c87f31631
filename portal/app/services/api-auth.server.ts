import type { Me } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { allowedScopesFor, issueToken, toApiTokenDto } from './api-tokens.server';
import { recordAudit } from './audit.server';
import { signIn } from './sign-in.server';

const SIGN_IN_TOKEN_DAYS = 30;

/** POST /auth/token: email + password for a token with every scope the user's role allows, valid 30 days. */
export async function signInWithToken({ email, password, ip }: { email: string; password: string; ip?: string }) {
  const result = await signIn({ email, password, ip });
  if (!result.ok && result.reason === 'rate_limited') throw new ApiError('rate_limited', result.message, undefined, { 'Retry-After': String(result.retryAfterSeconds) });
  if (!result.ok) throw new ApiError('unauthorized', result.message);
  const { user } = result;
  const expiresAt = new Date(Date.now() + SIGN_IN_TOKEN_DAYS * 86_400_000);
  const { token, apiToken } = await issueToken({ user, name: `Sign-in ${new Date().toISOString().slice(0, 10)}`, scopes: [...allowedScopesFor(user)], expiresAt });
  return { token, apiToken: toApiTokenDto(apiToken), user: { id: user.id, email: user.email, name: user.name, role: user.role } };
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
