// One embedded PostgreSQL for the whole jest run, with a migrated template database that each test
// file clones (CREATE DATABASE ... TEMPLATE). The portal is built first when its sources changed, so
// tests that start a real portal process serve the current code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import { ensurePortalBuild } from '../portal-build.mjs';

export const TEMPLATE_DB = 'monoliet_template';

export default async function globalSetup(globalConfig) {
  const root = globalConfig.rootDir;
  const needsDatabase = globalConfig.selectProjects === undefined || globalConfig.selectProjects.some((p) => p !== 'contract');
  if (!needsDatabase) return;
  register();
  const { startEmbeddedPostgres } = await import(path.join(root, 'portal/app/lib/embedded-postgres.server.ts'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'monoliet-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  globalThis.__MONOLIET_PG__ = server;
  process.env.MONOLIET_TEST_PG_URL = server.url('postgres');
  process.env.MONOLIET_TEST_TEMPLATE_DB = TEMPLATE_DB;

  const admin = new pg.Client(server.url('postgres'));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  execFileSync(process.execPath, ['--import', 'tsx', 'app/cli.ts', 'migrate'], {
    cwd: path.join(root, 'portal'),
    env: { ...process.env, DATABASE_URL: server.url(TEMPLATE_DB), NODE_ENV: 'test', LOG_LEVEL: 'warn', ...testSecrets() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await ensurePortalBuild({ root });
}

export function testSecrets() {
  return {
    SESSION_SECRET: 'test-session-secret-0123456789abcdefghijklmnop',
    ENCRYPTION_KEYS: 'test1:' + Buffer.alloc(32, 7).toString('base64'),
  };
}
