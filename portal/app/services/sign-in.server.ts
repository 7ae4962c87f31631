import type { User } from '~/models/index.server';
import { recordAudit, type Actor } from './audit.server';
import { checkSignInAllowed, clearAccountFailures, describeThrottle, recordFailedSignIn, ACCOUNT_LOCK_SECONDS, type ThrottleVerdict } from './sign-in-throttle.server';
import { authenticate, findUserByEmail, recordLogin } from './users.server';

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_credentials'; message: string }
  | { ok: false; reason: 'rate_limited'; message: string; retryAfterSeconds: number };

const FAILED = 'That email and password do not match an active account.';

/**
 * Checks the credentials and writes the outcome to the audit log. Repeated failures lock the account and
 * block the address for a while (sign-in-throttle); a locked account is refused before its password is
 * even checked, so the right password does not get through a lock.
 */
export async function signIn({ email, password, ip }: { email: string; password: string; ip?: string | null }): Promise<SignInResult> {
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
  await recordLogin(user.id);
  await recordAudit({ actor: { id: user.id, label: user.email, ip }, action: 'auth.sign_in', target: { type: 'user', id: user.id } });
  return { ok: true, user };
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
