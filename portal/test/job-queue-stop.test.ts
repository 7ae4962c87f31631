import { QueryTypes } from 'sequelize';
import { startJobs } from '~/jobs/index.server';
import { getConfig } from '~/lib/config.server';
import { createDrainablePool } from '~/lib/jobs/boss-pool.server';
import { stopJobQueue } from '~/lib/jobs/boss.server';
import { getDb } from '~/models/index.server';

const jobConnections = async () =>
  (await getDb().query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'monoliet-jobs'", { type: QueryTypes.SELECT }))[0]!.n;

describe('stopping the job queue', () => {
  it('answers every query already asked for, even one still waiting for a connection, then refuses new ones', async () => {
    const errors: Error[] = [];
    const pool = createDrainablePool({ connectionString: getConfig().databaseUrl!, max: 1, applicationName: 'monoliet-jobs', onError: (error) => errors.push(error) });
    const running = pool.executeSql('SELECT pg_sleep(0.3), 1 AS n', []);
    // the only connection is busy: this one waits in the pool's queue
    const waiting = pool.executeSql('SELECT 2 AS n', []);
    await pool.close();
    expect((await running).rows[0]).toMatchObject({ n: 1 });
    expect((await waiting).rows[0]).toEqual({ n: 2 });
    await expect(pool.executeSql('SELECT 3', [])).rejects.toThrow('the job queue is stopped');
    expect(errors).toEqual([]);
  });

  it('leaves no connection of the job queue open once stopped, with every worker and the cron polling', async () => {
    await startJobs({ pollingIntervalSeconds: 0.5 });
    expect(await jobConnections()).toBeGreaterThan(0);
    await stopJobQueue();
    // a closed connection's server process can take a moment to leave pg_stat_activity
    for (let i = 0; i < 40 && (await jobConnections()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await jobConnections()).toBe(0);
  });
});
