import type { User } from '~/models/index.server';
import { verifyStaffSecondFactor, type SecondFactorResult } from './second-factor.server';
import { completeSignIn } from './sign-in.server';
import { getUserWithClient } from './users.server';

export type SecondStepResult = { ok: true; user: User } | Extract<SecondFactorResult, { ok: false }>;

/** How long the state between the password and the code lasts (in the sealed session cookie). */
export const PENDING_SIGN_IN_SECONDS = 10 * 60;

export function isPendingSignInFresh({ issuedAt, now = Date.now() }: { issuedAt: number; now?: number }): boolean {
  return now - issuedAt < PENDING_SIGN_IN_SECONDS * 1000;
}

/**
 * The second step of a sign-in: the user whose password was accepted enters a TOTP or recovery code.
 * A user deactivated (or whose sessions were ended) in between is refused like a wrong code would be.
 */
export async function signInSecondStep({ userId, sessionVersion, code, ip }: { userId: string; sessionVersion: number; code: string; ip?: string | null }): Promise<SecondStepResult> {
  const user = await getUserWithClient(userId);
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return { ok: false, reason: 'not_enrolled', message: 'This sign-in is no longer valid. Sign in again.' };
  const result = await verifyStaffSecondFactor({ user, code, ip });
  if (!result.ok) return result;
  await completeSignIn({ user, ip, secondFactor: result.method });
  return { ok: true, user };
}
