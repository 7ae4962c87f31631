import { pendingMigrations } from '~/lib/migrate.server';
import { getDb } from '~/models/index.server';

const TIMEOUT_MS = 2_000;

export async function checkDatabase(): Promise<boolean> {
  try {
    await withTimeout(getDb().query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

export type Readiness = { ready: true } | { ready: false; reason: 'database unreachable' | 'migrations pending'; pendingMigrations?: number };

/**
 * Ready to serve: the database answers and its schema is at the head of this build's migrations. During a
 * rolling upgrade an old replica sees no pending migrations, a new one waits until it has applied its own.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (!(await checkDatabase())) return { ready: false, reason: 'database unreachable' };
  try {
    const pending = await withTimeout(pendingMigrations(getDb()));
    return pending.length === 0 ? { ready: true } : { ready: false, reason: 'migrations pending', pendingMigrations: pending.length };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('health check timed out')), TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
