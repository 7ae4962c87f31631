import pg from 'pg';
import type PgBoss from 'pg-boss';

/**
 * The connections of a running pg-boss, kept by the portal instead of by pg-boss so that stopping drains them.
 *
 * pg-pool never serves a query that is still waiting for a connection once `end()` is called. A running
 * pg-boss has more workers polling than connections, and its stop() does not wait for its cron worker; when
 * pg-boss closed its own pool, that worker's poll could be left waiting for ever, and pg-boss's stop loop
 * went on ticking after the portal (or a test file) had stopped. `close()` here first lets every query
 * already asked for finish, then ends the pool; a query asked for after that is refused.
 */
export type DrainablePool = PgBoss.Db & { close(options?: { timeoutMs?: number }): Promise<void> };

export function createDrainablePool({ connectionString, max, applicationName, onError }: { connectionString: string; max: number; applicationName: string; onError: (error: Error) => void }): DrainablePool {
  const pool = new pg.Pool({ connectionString, max, application_name: applicationName });
  pool.on('error', onError);
  let pending = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  return {
    async executeSql(text: string, values?: unknown[]) {
      if (closing) throw new Error('the job queue is stopped');
      pending++;
      try {
        return await pool.query(text, values);
      } finally {
        pending--;
        if (pending === 0) drained?.();
      }
    },
    async close({ timeoutMs = 10_000 } = {}) {
      if (closing) return;
      closing = true;
      if (pending > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
        ]);
        clearTimeout(timer);
      }
      await pool.end();
    },
  };
}
