import { createFailureLimiter, describeWait, type FailureVerdict } from './failure-limiter.server';

// Wrong second-factor codes are counted per user in the same table as failed passwords
// (login_rate_limits), so every replica sees them. A 6-digit code has a million values: after
// MAX_CODE_FAILURES wrong codes in a row the user's codes are refused for CODE_LOCK_SECONDS, even the
// right one, so guessing stays hopeless while a person who mistyped twice is not locked out.

export const MAX_CODE_FAILURES = 5;
export const CODE_LOCK_SECONDS = 15 * 60;
const CODE_WINDOW_SECONDS = 15 * 60;

const wrongCodes = createFailureLimiter({ keyPrefix: 'second-factor', maxFailures: MAX_CODE_FAILURES, windowSeconds: CODE_WINDOW_SECONDS, lockSeconds: CODE_LOCK_SECONDS });

export type CodeThrottle = FailureVerdict;

/** Whether this user may try a code now. */
export async function checkCodeAllowed(userId: string): Promise<CodeThrottle> {
  return wrongCodes.check(userId);
}

/** Counts a wrong code; says whether the next one may be tried and whether this failure locked the codes. */
export async function recordWrongCode(userId: string): Promise<{ verdict: CodeThrottle; lockedNow: boolean }> {
  return wrongCodes.recordFailure(userId);
}

export async function clearWrongCodes(userId: string) {
  await wrongCodes.clear(userId);
}

export function describeCodeThrottle(retryAfterSeconds: number): string {
  return `Too many wrong codes, so codes are refused for now. ${describeWait(retryAfterSeconds)}`;
}
