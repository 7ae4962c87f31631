import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Sequelize } from 'sequelize';
import { getDb } from '~/models/index.server';

// Counts wrong answers per key in PostgreSQL (table login_rate_limits, shared with the sign-in limits), so
// every portal replica sees the same counts. After `maxFailures` wrong ones within `windowSeconds` the key is
// locked for `lockSeconds`: while locked even the right answer is refused, so a guesser learns nothing.

export type FailureVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type FailureLimiter = {
  /** Whether the key may try now (checked before the answer is). */
  check(key: string): Promise<FailureVerdict>;
  /** Counts a wrong answer; says whether the next one may be tried and whether this very one locked the key. */
  recordFailure(key: string): Promise<{ verdict: FailureVerdict; lockedNow: boolean }>;
  /** A right answer starts the count again. */
  clear(key: string): Promise<void>;
};

export function createFailureLimiter({ keyPrefix, maxFailures, windowSeconds, lockSeconds }: { keyPrefix: string; maxFailures: number; windowSeconds: number; lockSeconds: number }): FailureLimiter {
  const byDb = new WeakMap<Sequelize, RateLimiterPostgres>();
  const limiter = () => {
    const db = getDb();
    let found = byDb.get(db);
    if (!found) {
      // `points` is the number of failures allowed; the one after it is over the budget and locks the key
      const options = { storeClient: db, storeType: 'sequelize', tableName: 'login_rate_limits', tableCreated: true, keyPrefix, points: maxFailures - 1, duration: windowSeconds, blockDuration: lockSeconds };
      found = new RateLimiterPostgres(options);
      byDb.set(db, found);
    }
    return found;
  };
  const refused = (res: RateLimiterRes): FailureVerdict => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });

  return {
    async check(key) {
      const current = await limiter().get(key);
      return current && current.consumedPoints > limiter().points ? refused(current) : { allowed: true };
    },
    async recordFailure(key) {
      try {
        await limiter().consume(key);
        return { verdict: { allowed: true }, lockedNow: false };
      } catch (rejection) {
        // the library rejects with a RateLimiterRes when the budget is spent, and with an Error otherwise
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { verdict: refused(rejection), lockedNow: rejection.consumedPoints === limiter().points + 1 };
      }
    },
    async clear(key) {
      await limiter().delete(key);
    },
  };
}

/** "Try again in N minutes." */
export function describeWait(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
