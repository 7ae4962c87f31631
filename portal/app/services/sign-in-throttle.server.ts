import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Sequelize } from 'sequelize';
import { sha256 } from '~/lib/crypto.server';
import { getDb } from '~/models/index.server';

// Failed sign-ins are counted per account and per IP address in PostgreSQL (table login_rate_limits), so
// every portal replica sees the same counts. An account is locked after MAX_ACCOUNT_FAILURES failures in
// a row: while locked, even the right password is refused, so a guesser cannot tell it found the password.
// An address that fails MAX_IP_FAILURES times in its window is refused for a while (password spraying
// across many accounts). A successful sign-in clears the account's count, never the address's: any client
// user could otherwise reset their address's count with their own password between guesses at others.

export const MAX_ACCOUNT_FAILURES = 10;
export const ACCOUNT_LOCK_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 60 * 60;
export const MAX_IP_FAILURES = 50;
const IP_WINDOW_SECONDS = 15 * 60;
const IP_BLOCK_SECONDS = 15 * 60;

export type ThrottleReason = 'account_locked' | 'address_blocked';
export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: ThrottleReason; retryAfterSeconds: number };
export type SignInAttempt = { email: string; ip?: string | null };

type Limiters = { account: RateLimiterPostgres; address: RateLimiterPostgres };
const limitersByDb = new WeakMap<Sequelize, Limiters>();

function limiters(): Limiters {
  const db = getDb();
  let found = limitersByDb.get(db);
  if (!found) {
    // `points` is the number of failures allowed; the one after it is over the budget and blocks the key
    const shared = { storeClient: db, storeType: 'sequelize', tableName: 'login_rate_limits', tableCreated: true };
    found = {
      account: new RateLimiterPostgres({ ...shared, keyPrefix: 'account', points: MAX_ACCOUNT_FAILURES - 1, duration: ACCOUNT_WINDOW_SECONDS, blockDuration: ACCOUNT_LOCK_SECONDS }),
      address: new RateLimiterPostgres({ ...shared, keyPrefix: 'ip', points: MAX_IP_FAILURES - 1, duration: IP_WINDOW_SECONDS, blockDuration: IP_BLOCK_SECONDS }),
    };
    limitersByDb.set(db, found);
  }
  return found;
}

// the email is hashed: it can be up to 320 characters (keys hold 255) and need not sit in another table
const accountKey = (email: string) => sha256(email.trim().toLowerCase());
const addressKey = (ip?: string | null) => ip || 'unknown';

function refused(reason: ThrottleReason, res: RateLimiterRes): ThrottleVerdict {
  return { allowed: false, reason, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

/** Whether a sign-in may be tried at all (checked before the password is). */
export async function checkSignInAllowed({ email, ip }: SignInAttempt): Promise<ThrottleVerdict> {
  const { account, address } = limiters();
  const [byAccount, byAddress] = await Promise.all([account.get(accountKey(email)), address.get(addressKey(ip))]);
  if (byAccount && byAccount.consumedPoints > account.points) return refused('account_locked', byAccount);
  if (byAddress && byAddress.consumedPoints > address.points) return refused('address_blocked', byAddress);
  return { allowed: true };
}

/**
 * Counts a failed sign-in. `blockedNow` names what this very failure locked (the account or the address),
 * so it is audited once; the verdict says whether the next attempt may go ahead.
 */
export async function recordFailedSignIn({ email, ip }: SignInAttempt): Promise<{ verdict: ThrottleVerdict; blockedNow: ThrottleReason[] }> {
  const { account, address } = limiters();
  const [byAccount, byAddress] = await Promise.all([count(account, accountKey(email)), count(address, addressKey(ip))]);
  const blockedNow: ThrottleReason[] = [];
  if (byAccount.over && byAccount.res.consumedPoints === account.points + 1) blockedNow.push('account_locked');
  if (byAddress.over && byAddress.res.consumedPoints === address.points + 1) blockedNow.push('address_blocked');
  const verdict = byAccount.over ? refused('account_locked', byAccount.res) : byAddress.over ? refused('address_blocked', byAddress.res) : ({ allowed: true } as const);
  return { verdict, blockedNow };
}

async function count(limiter: RateLimiterPostgres, key: string): Promise<{ over: boolean; res: RateLimiterRes }> {
  try {
    return { over: false, res: await limiter.consume(key) };
  } catch (rejection) {
    // the library rejects with a RateLimiterRes when the budget is spent, and with an Error otherwise
    if (rejection instanceof RateLimiterRes) return { over: true, res: rejection };
    throw rejection;
  }
}

/** A successful sign-in starts the account's count again. */
export async function clearAccountFailures({ email }: { email: string }) {
  await limiters().account.delete(accountKey(email));
}

/** What a person is told when refused. */
export function describeThrottle(verdict: Extract<ThrottleVerdict, { allowed: false }>): string {
  const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
  const wait = `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return verdict.reason === 'account_locked'
    ? `Too many failed sign-in attempts for this account, so it is locked for now. ${wait}`
    : `Too many failed sign-in attempts from your network. ${wait}`;
}
