import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Sequelize } from 'sequelize';
import { getDb } from '~/models/index.server';

// Wrong second-factor codes are counted per user in the same table as failed passwords
// (login_rate_limits), so every replica sees them. A 6-digit code has a million values: after
// MAX_CODE_FAILURES wrong codes in a row the user's codes are refused for CODE_LOCK_SECONDS, even the
// right one, so guessing stays hopeless while a person who mistyped twice is not locked out.

export const MAX_CODE_FAILURES = 5;
export const CODE_LOCK_SECONDS = 15 * 60;
const CODE_WINDOW_SECONDS = 15 * 60;

const limiters = new WeakMap<Sequelize, RateLimiterPostgres>();

function limiter(): RateLimiterPostgres {
  const db = getDb();
  let found = limiters.get(db);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: db,
      storeType: 'sequelize',
      tableName: 'login_rate_limits',
      tableCreated: true,
      keyPrefix: 'second-factor',
      points: MAX_CODE_FAILURES - 1,
      duration: CODE_WINDOW_SECONDS,
      blockDuration: CODE_LOCK_SECONDS,
    });
    limiters.set(db, found);
  }
  return found;
}

export type CodeThrottle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const refused = (res: RateLimiterRes): CodeThrottle => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });

/** Whether this user may try a code now. */
export async function checkCodeAllowed(userId: string): Promise<CodeThrottle> {
  const current = await limiter().get(userId);
  return current && current.consumedPoints > limiter().points ? refused(current) : { allowed: true };
}

/** Counts a wrong code; says whether the next one may be tried and whether this failure locked the codes. */
export async function recordWrongCode(userId: string): Promise<{ verdict: CodeThrottle; lockedNow: boolean }> {
  try {
    await limiter().consume(userId);
    return { verdict: { allowed: true }, lockedNow: false };
  } catch (rejection) {
    // the library rejects with a RateLimiterRes when the budget is spent, and with an Error otherwise
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { verdict: refused(rejection), lockedNow: rejection.consumedPoints === limiter().points + 1 };
  }
}

export async function clearWrongCodes(userId: string) {
  await limiter().delete(userId);
}

export function describeCodeThrottle(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many wrong codes, so codes are refused for now. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
