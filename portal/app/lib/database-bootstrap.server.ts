import path from 'node:path';
import pg from 'pg';
import { getConfig, resetConfig } from './config.server';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.server';

const EMBEDDED_DATABASE = 'monoliet';

export type DatabaseHandle = { embedded: boolean; url: string; stop: () => Promise<void> };

/**
 * With DATABASE_URL set, uses that server. Without it, starts the embedded PostgreSQL with its data in
 * DATA_DIR/postgres and points DATABASE_URL at it, so every copy of the app modules in this process
 * (the express server, the Remix build, the CLI) reads the same URL.
 */
export async function openDatabase({ onLog, stopOnExitSignal }: { onLog?: (line: string) => void; stopOnExitSignal?: boolean } = {}): Promise<DatabaseHandle> {
  const config = getConfig();
  if (config.databaseUrl) return { embedded: false, url: config.databaseUrl, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), onLog, stopOnExitSignal });
  await ensureDatabase(server);
  const url = server.url(EMBEDDED_DATABASE);
  process.env.DATABASE_URL = url;
  resetConfig();
  return { embedded: true, url, stop: () => server.stop() };
}

async function ensureDatabase(server: EmbeddedPostgresHandle) {
  const admin = new pg.Client(server.url('postgres'));
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
}
