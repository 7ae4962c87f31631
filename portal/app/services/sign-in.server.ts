import { mustSetUpTwoFactor } from '~/lib/auth.server';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import type { User } from '~/models/index.server';
import { recordAudit, type Actor } from './audit.server';
import type { SecondFactorMethod } from './second-factor.server';
import { checkSignInAllowed, clearAccountFailures, describeThrottle, recordFailedSignIn, ACCOUNT_LOCK_SECONDS, type ThrottleVerdict } from './sign-in-throttle.server';
import { needsSecondFactor } from './two-factor.server';
import { authenticate, findUserByEmail, recordLogin } from './users.server';

export type SignInResult =
  | { ok: true; user: User; secondFactorRequired: boolean }
  | { ok: false; reason: 'invalid_credentials' | 'two_factor_setup_required'; message: string }
  | { ok: false; reason: 'rate_limited'; message: string; retryAfterSeconds: number };

const FAILED = 'That email and password do not match an active account.';
const SET_UP_FIRST = `Two-factor authentication is required for staff accounts. Sign in to the portal and set it up at ${PORTAL_PATHS.staffTwoFactorSetup()}, then ask for a token again.`;

/**
 * Checks the credentials and writes the outcome to the audit log. Repeated failures lock the account and
 * block the address for a while (sign-in-throttle); a locked account is refused before its password is
 * even checked, so the right password does not get through a lock. A user with TOTP is not signed in yet:
 * `secondFactorRequired` sends them to the second step (sign-in-second-step.server), which completes it.
 * For an API token (`forToken`), REQUIRE_STAFF_2FA refuses a staff user without TOTP outright: a browser
 * session of theirs opens only the setup page, but a token would open everything with the password alone.
 */
export async function signIn({ email, password, ip, forToken = false }: { email: string; password: string; ip?: string | null; forToken?: boolean }): Promise<SignInResult> {
  const before = await checkSignInAllowed({ email, ip });
  if (!before.allowed) return rateLimited(before);
  const user = await authenticate({ email, password });
  if (!user) {
    const actor: Actor = { id: null, label: email.trim().toLowerCase(), ip };
    await recordAudit({ actor, action: 'auth.sign_in_failed' });
    const { verdict, blockedNow } = await recordFailedSignIn({ email, ip });
    await auditBlocks({ actor, email, blockedNow });
    return verdict.allowed ? { ok: false, reason: 'invalid_credentials', message: FAILED } : rateLimited(verdict);
  }
  await clearAccountFailures({ email });
  if (needsSecondFactor(user)) return { ok: true, user, secondFactorRequired: true };
  if (forToken && mustSetUpTwoFactor(user)) {
    await recordAudit({ actor: { id: user.id, label: user.email, ip }, action: 'auth.sign_in_refused', target: { type: 'user', id: user.id }, metadata: { via: 'api_token', reason: 'two-factor not set up' } });
    return { ok: false, reason: 'two_factor_setup_required', message: SET_UP_FIRST };
  }
  await completeSignIn({ user, ip });
  return { ok: true, user, secondFactorRequired: false };
}

/** Records a finished sign-in (after the password, or after the second factor when the user has one). */
export async function completeSignIn({ user, ip, secondFactor }: { user: User; ip?: string | null; secondFactor?: SecondFactorMethod }) {
  await recordLogin(user.id);
  await recordAudit({ actor: { id: user.id, label: user.email, ip }, action: 'auth.sign_in', target: { type: 'user', id: user.id }, metadata: secondFactor ? { secondFactor } : {} });
}

function rateLimited(verdict: Extract<ThrottleVerdict, { allowed: false }>): SignInResult {
  return { ok: false, reason: 'rate_limited', message: describeThrottle(verdict), retryAfterSeconds: verdict.retryAfterSeconds };
}

async function auditBlocks({ actor, email, blockedNow }: { actor: Actor; email: string; blockedNow: string[] }) {
  if (blockedNow.includes('account_locked')) {
    const user = await findUserByEmail(email);
    await recordAudit({
      actor,
      action: 'auth.account_locked',
      ...(user ? { target: { type: 'user', id: user.id } } : {}),
      metadata: { lockedForSeconds: ACCOUNT_LOCK_SECONDS },
    });
  }
  if (blockedNow.includes('address_blocked')) await recordAudit({ actor, action: 'auth.address_blocked', metadata: { ip: actor.ip ?? null } });
}
