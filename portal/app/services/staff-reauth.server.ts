import type { CredentialReveal } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { confirmPassword } from './account.server';
import { verifyStaffSecondFactor } from './second-factor.server';

/** What the user typed: their password, or a code of their authenticator app (CredentialRevealSchema checks it is one of them). */
export type StaffProof = CredentialReveal;

export type StaffProofResult =
  | { ok: true; method: 'password' | 'totp' }
  | { ok: false; reason: 'wrong_password' | 'invalid_code' | 'not_enrolled'; message: string }
  | { ok: false; reason: 'rate_limited'; message: string; retryAfterSeconds: number };

/**
 * The one check a staff user passes again before a sensitive action (revealing a credential): their current
 * password, or, with TOTP set up, a current code of their authenticator app. Codes go through the sign-in's
 * own check (each code once, wrong ones rate-limited and audited there); callers audit the outcome.
 */
export async function verifyStaffProof({ caller, proof }: { caller: Caller; proof: StaffProof }): Promise<StaffProofResult> {
  if (proof.code === undefined) {
    if (await confirmPassword({ userId: caller.user.id, password: proof.password ?? '' })) return { ok: true, method: 'password' };
    return { ok: false, reason: 'wrong_password', message: 'That is not your password' };
  }
  const result = await verifyStaffSecondFactor({ user: caller.user, code: proof.code, ip: caller.ip ?? null, allowRecoveryCode: false });
  if (result.ok) return { ok: true, method: 'totp' };
  if (result.reason === 'not_enrolled') return { ...result, message: 'Two-factor authentication is not set up for your account, so use your password' };
  if (result.reason === 'invalid_code') return { ...result, message: 'That code is not right' };
  return { ...result, message: `${result.message} Your password still works.` };
}
