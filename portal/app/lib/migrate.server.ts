import pg from 'pg';
import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { migrations } from '../../migrations';
import { installJobQueue } from './jobs/boss.server';

// Several replicas may start at once; an advisory lock, held on a connection of its own, makes them
// migrate one after another. Migrating also installs (or upgrades) the job queue's schema and queues.
const MIGRATION_LOCK_ID = 7_325_146_001;

function createUmzug(sequelize: Sequelize) {
  return new Umzug({
    migrations: migrations.map(({ name, up, down }) => ({ name, up, down })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function migrate({ sequelize, databaseUrl }: { sequelize: Sequelize; databaseUrl: string }) {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await createUmzug(sequelize).up();
    await installJobQueue({ databaseUrl });
    return applied.map((m) => m.name);
  } finally {
    await lock.end();
  }
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await createUmzug(sequelize).pending()).map((m) => m.name);
}
