import type { RequestHeaders } from './api-answer.server';
import { findActiveToken } from '~/services/api-tokens.server';
import { getCurrentUser } from './auth.server';
import { callerFromSession, type Caller } from './caller.server';
import { ApiError } from './errors.server';

/**
 * The caller of an API request: `Authorization: Bearer <token>` first, else the browser session.
 * A presented token that is unknown, revoked or expired is a 401, never silently ignored.
 */
export async function authenticateApi(request: RequestHeaders, ip?: string): Promise<Caller | null> {
  const header = request.headers.get('Authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('Use "Authorization: Bearer <token>"');
    const token = await findActiveToken(match[1]!);
    if (!token) throw unauthorized('This token is invalid, revoked or expired');
    const user = token.user!;
    return { user, role: user.role, clientId: user.membership?.clientId ?? null, scopes: new Set(token.scopes), token, ip };
  }
  const session = await getCurrentUser(request);
  if (!session || !session.session.verified) return null;
  return callerFromSession({ user: session.user, client: session.client, ip });
}

export function unauthorized(message = 'Sign in or send an API token'): ApiError {
  return new ApiError('unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="monoliet"' });
}
