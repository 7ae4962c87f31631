import type { RequestHeaders } from './api-answer.server';
import { redirect } from '@remix-run/node';
import type { Client, User } from '~/models/index.server';
import { lookupCache } from '~/models/change-hooks.server';
import { getUserWithClient } from '~/services/users.server';
import { getConfig } from './config.server';
import { PORTAL_PATHS } from './portal-paths';
import { verifyCsrfToken } from './csrf.server';
import { readSession, type SessionData } from './session.server';

export type CurrentUser = {
  user: User;
  client: Client | null;
  memberRole: 'owner' | 'member' | null;
  session: SessionData;
};

/** The signed-in user, or null when there is no valid session (expired, signed out elsewhere, deactivated). */
export async function getCurrentUser(request: RequestHeaders): Promise<CurrentUser | null> {
  const session = await readSession(request);
  if (!session) return null;
  const user = await sessionUser(session.userId);
  if (!user || !user.isActive || user.sessionVersion !== session.version) return null;
  return { user, client: user.membership?.client ?? null, memberRole: user.membership?.role ?? null, session };
}

/**
 * Users behind the sessions of the last seconds, as API tokens are cached: every page and data request
 * needs the user, and building it (user, membership, client) cost more CPU than the client dashboard's
 * own query. A change of a user (signed out everywhere, deactivated, new password), a membership or a
 * client drops this process's entries at once (model hooks); other replicas see it within the TTL.
 */
const sessionUsers = lookupCache<User>({ ttlMs: 2_000, models: ['User', 'ClientMember', 'Client'] });

async function sessionUser(userId: string): Promise<User | null> {
  return sessionUsers.get(userId) ?? sessionUsers.load(userId, () => getUserWithClient(userId));
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname === '/' ? '' : `?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
  return redirect(`/login${back}`);
}

/**
 * First line of every page loader and action: a page for signed-in users. In an action it also checks
 * the form's CSRF token, so every form posted by a signed-in user must include <CsrfInput />.
 */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const current = await getCurrentUser(request);
  if (!current) throw loginRedirect(request);
  if (!current.session.verified) throw redirect('/login/two-factor');
  await verifyCsrfToken(request, current.session);
  return current;
}

/**
 * Staff pages: a client user gets a 404, as if the page did not exist. With REQUIRE_STAFF_2FA, a staff
 * user without TOTP is sent to set it up before any other staff page opens.
 */
export async function requireStaff(request: Request): Promise<CurrentUser> {
  const current = await requireUser(request);
  if (current.user.role !== 'staff') throw new Response('Not found', { status: 404 });
  if (mustSetUpTwoFactor(current.user) && new URL(request.url).pathname !== PORTAL_PATHS.staffTwoFactorSetup()) {
    throw redirect(PORTAL_PATHS.staffTwoFactorSetup());
  }
  return current;
}

/**
 * REQUIRE_STAFF_2FA: a staff user without TOTP may use nothing with their browser session until it is set
 * up (staff pages redirect to the setup page, the API refuses the session). API tokens are not affected.
 */
export function mustSetUpTwoFactor(user: Pick<User, 'role' | 'totpEnabledAt'>): boolean {
  return getConfig().requireStaff2fa && user.role === 'staff' && user.totpEnabledAt === null;
}

/** Client pages: staff go to their own area, a client user without a client sees why nothing is here. */
export async function requireClientUser(request: Request): Promise<CurrentUser & { client: Client }> {
  const current = await requireUser(request);
  if (current.user.role === 'staff') throw redirect('/staff');
  if (!current.client) throw redirect('/no-client');
  return current as CurrentUser & { client: Client };
}

export function homePathFor(user: Pick<User, 'role'>): string {
  return user.role === 'staff' ? '/staff' : '/';
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  return target;
}
