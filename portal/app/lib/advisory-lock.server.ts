import { createHash } from 'node:crypto';
import pg from 'pg';
import { getConfig } from './config.server';

// Session advisory locks on a connection of their own: held while work runs outside any one transaction,
// and released by PostgreSQL when the process dies, so a crash never leaves a stale lock behind.

const NAMESPACE = 7_325_146;

function keyOf(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

export type LockOptions = { name: string; /** wait up to this long for the lock; 0 = give up at once */ waitMs?: number };

/** Runs `work` while holding the named lock; `{ acquired: false }` when another process holds it. */
export async function withAdvisoryLock<T>({ name, waitMs = 0 }: LockOptions, work: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const client = new pg.Client({ connectionString: getConfig().databaseUrl, application_name: 'monoliet-lock' });
  await client.connect();
  try {
    const key = keyOf(name);
    let acquired: boolean;
    if (waitMs > 0) {
      await client.query(`SET lock_timeout = ${Math.ceil(waitMs)}`);
      acquired = await client.query('SELECT pg_advisory_lock($1, $2)', [NAMESPACE, key]).then(
        () => true,
        (error: { code?: string }) => {
          if (error.code === '55P03') return false; // lock_not_available: the wait timed out
          throw error;
        },
      );
    } else {
      acquired = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [NAMESPACE, key])).rows[0]!.ok;
    }
    if (!acquired) return { acquired: false };
    return { acquired: true, value: await work() };
  } finally {
    // ending the session releases the lock
    await client.end().catch(() => undefined);
  }
}

/** Whether some process holds the named lock right now. */
export async function isAdvisoryLockHeld(name: string): Promise<boolean> {
  const probe = await withAdvisoryLock({ name }, async () => true);
  return !probe.acquired;
}
