import { startJobs, stopJobs } from '~/jobs/index.server';
import { closeDb, getDb } from '~/models/index.server';
import { ensureDefaultInstance } from '~/services/n8n-instance-connections.server';
import { loadSampleData } from '~/services/sample-data/load.server';
import { DEMO_STAFF } from '~/services/sample-data/catalog';
import { countStaffUsers, findUserByEmail } from '~/services/users.server';
import { getConfig } from './config.server';
import { logger } from './logger.server';
import { migrate } from './migrate.server';

export type StartedServices = { sampleDataLoaded: boolean; staffUsers: number; hasDemoLogins: boolean };

/**
 * Runs once per process, before the server listens: migrations, then (on the embedded dev database only,
 * and only when it is empty) the demo data, the n8n instance from N8N_URL, then the job queue's workers and
 * schedules (unless RUN_JOBS=off).
 */
export async function startServices({ embedded }: { embedded: boolean }): Promise<StartedServices> {
  const config = getConfig();
  const sequelize = getDb();
  const applied = await migrate({ sequelize, databaseUrl: config.databaseUrl! });
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  let staffUsers = await countStaffUsers();
  let sampleDataLoaded = false;
  if (embedded && !config.isProduction && config.loadSampleData === 'auto' && staffUsers === 0) {
    logger.info('empty embedded database: loading the demo data');
    sampleDataLoaded = (await loadSampleData()).created;
    staffUsers = await countStaffUsers();
  }
  const hasDemoLogins = !config.isProduction && Boolean(await findUserByEmail(DEMO_STAFF.email));
  await ensureDefaultInstance();
  if (config.runJobs) await startJobs();
  else logger.info('RUN_JOBS=off: jobs are queued here but run by another process');
  return { sampleDataLoaded, staffUsers, hasDemoLogins };
}

export async function stopServices() {
  await stopJobs();
  await closeDb();
}
