import type { CredentialReveal } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { confirmPassword } from './account.server';
import { recordAudit } from './audit.server';
import { createFailureLimiter, describeWait } from './failure-limiter.server';
import { verifyStaffSecondFactor } from './second-factor.server';

/** What the user typed: their password, or a code of their authenticator app (CredentialRevealSchema checks it is one of them). */
export type StaffProof = CredentialReveal;

export type StaffProofResult =
  | { ok: true; method: 'password' | 'totp' }
  | { ok: false; reason: 'wrong_password' | 'invalid_code' | 'not_enrolled'; message: string }
  | { ok: false; reason: 'rate_limited' | 'passwords_locked'; message: string; retryAfterSeconds: number };

// Wrong passwords here are counted per user, apart from the sign-in's own count: whoever holds a staff
// session or token must not be able to guess the password behind it at full speed, and a mistyped
// confirmation must not lock the account's sign-in. As with codes: 5 wrong in 15 minutes lock the
// confirmation by password for 15 minutes, even with the right one.
export const MAX_PASSWORD_CONFIRM_FAILURES = 5;
export const PASSWORD_CONFIRM_LOCK_SECONDS = 15 * 60;
const wrongPasswords = createFailureLimiter({ keyPrefix: 'reauth-password', maxFailures: MAX_PASSWORD_CONFIRM_FAILURES, windowSeconds: 15 * 60, lockSeconds: PASSWORD_CONFIRM_LOCK_SECONDS });

/**
 * The one check a staff user passes again before a sensitive action (revealing a credential): their current
 * password, or, with TOTP set up, a current code of their authenticator app. Codes go through the sign-in's
 * own check (each code once, wrong ones rate-limited and audited there); wrong passwords are rate-limited
 * here. Callers audit the outcome.
 */
export async function verifyStaffProof({ caller, proof }: { caller: Caller; proof: StaffProof }): Promise<StaffProofResult> {
  if (proof.code === undefined) return verifyPassword({ caller, password: proof.password ?? '' });
  const result = await verifyStaffSecondFactor({ user: caller.user, code: proof.code, ip: caller.ip ?? null, allowRecoveryCode: false });
  if (result.ok) return { ok: true, method: 'totp' };
  if (result.reason === 'not_enrolled') return { ...result, message: 'Two-factor authentication is not set up for your account, so use your password' };
  if (result.reason === 'invalid_code') return { ...result, message: 'That code is not right' };
  return { ...result, message: `${result.message} Your password still works.` };
}

async function verifyPassword({ caller, password }: { caller: Caller; password: string }): Promise<StaffProofResult> {
  const { user } = caller;
  const before = await wrongPasswords.check(user.id);
  if (!before.allowed) return passwordsLocked({ caller, retryAfterSeconds: before.retryAfterSeconds });
  if (await confirmPassword({ userId: user.id, password })) {
    await wrongPasswords.clear(user.id);
    return { ok: true, method: 'password' };
  }
  const { verdict, lockedNow } = await wrongPasswords.recordFailure(user.id);
  if (lockedNow) {
    await recordAudit({ actor: actorOf(caller), action: 'auth.password_confirmation_locked', target: { type: 'user', id: user.id }, metadata: { lockedForSeconds: PASSWORD_CONFIRM_LOCK_SECONDS } });
  }
  if (!verdict.allowed) return passwordsLocked({ caller, retryAfterSeconds: verdict.retryAfterSeconds });
  return { ok: false, reason: 'wrong_password', message: 'That is not your password' };
}

function passwordsLocked({ caller, retryAfterSeconds }: { caller: Caller; retryAfterSeconds: number }): StaffProofResult {
  const codesInstead = caller.user.totpEnabledAt ? ' A code from your authenticator app still works.' : '';
  return { ok: false, reason: 'passwords_locked', message: `Too many wrong passwords, so your password is refused here for now. ${describeWait(retryAfterSeconds)}${codesInstead}`, retryAfterSeconds };
}
