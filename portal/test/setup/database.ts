import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { resetConfig } from '~/lib/config.server';
import { stopJobQueue } from '~/lib/jobs/boss.server';
import { closeDb, getDb } from '~/models/index.server';

// A fresh database per test file, cloned from the migrated template (30-100 ms).
const adminUrl = process.env.MONOLIET_TEST_PG_URL!;
const template = process.env.MONOLIET_TEST_TEMPLATE_DB!;
const name = `test_${process.env.JEST_WORKER_ID ?? 0}_${randomBytes(4).toString('hex')}`;

async function admin(sql: string) {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  resetConfig();
  getDb();
});

// jest runs this before the test file's own afterAll: stop a job queue the file started first
afterAll(async () => {
  await stopJobQueue();
  await closeDb();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});
