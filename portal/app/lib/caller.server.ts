import type { TokenScope } from '@monoliet/contract';
import type { ApiToken, User } from '~/models/index.server';
import type { Actor } from '~/services/audit.server';
import type { CurrentUser } from './auth.server';

/** Who is calling the API: a user, through a token or a browser session. Services take this for access checks. */
export type Caller = {
  user: User;
  role: 'staff' | 'client';
  /** the client a client user belongs to; null for staff (and for a client user without a client) */
  clientId: string | null;
  scopes: ReadonlySet<TokenScope>;
  token: ApiToken | null;
  ip?: string | null;
};

export const STAFF_SCOPES: readonly TokenScope[] = ['ingest', 'read', 'write'];
export const CLIENT_SCOPES: readonly TokenScope[] = ['read', 'write'];

export function actorOf(caller: Caller): Actor {
  const via = caller.token ? ` (token ${caller.token.prefix})` : '';
  return { id: caller.user.id, label: `${caller.user.email}${via}`, ip: caller.ip ?? null };
}

/** The caller behind a signed-in browser session: pages call the same services as the API with it. */
export function sessionCaller({ current, ip }: { current: CurrentUser; ip?: string }): Caller {
  const { user } = current;
  const scopes = user.role === 'staff' ? STAFF_SCOPES : CLIENT_SCOPES;
  return { user, role: user.role, clientId: current.client?.id ?? null, scopes: new Set(scopes), token: null, ip };
}
