import { QueryTypes } from 'sequelize';
import { startJobs } from '~/jobs/index.server';
import { getDb } from '~/models/index.server';

/**
 * The real job queue in this test process, polling fast and retrying after about a second. The test
 * database setup stops it before the database is dropped.
 */
export async function startTestJobs({ retryLimit }: { retryLimit?: number } = {}) {
  await startJobs({ schedule: false, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, retryLimit });
}

/** Jobs of a queue by state, straight from pg-boss's table. */
export async function jobStates(queue: string): Promise<Record<string, number>> {
  const rows = await getDb().query<{ state: string; count: string }>('SELECT state, count(*) AS count FROM pgboss.job WHERE name = $1 GROUP BY state', { bind: [queue], type: QueryTypes.SELECT });
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]));
}

/** True once no job of the queue is waiting, retrying or running. */
export async function isQueueIdle(queue: string): Promise<boolean> {
  const states = await jobStates(queue);
  return !states.created && !states.retry && !states.active;
}

/** A job as pg-boss leaves it after its last failed attempt: a copy in the queue's dead-letter queue. */
export async function buildDeadJob({ queue, data, error = 'it failed' }: { queue: string; data: Record<string, unknown>; error?: string }): Promise<string> {
  const [row] = await getDb().query<{ id: string }>(`INSERT INTO pgboss.job (name, data, output) VALUES ($1, $2, $3) RETURNING id`, {
    bind: [`${queue}-dead-letter`, JSON.stringify(data), JSON.stringify({ message: error })],
    type: QueryTypes.SELECT,
  });
  return row!.id;
}
