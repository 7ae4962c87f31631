import type { ExecutionReport } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import { withConnection } from '~/lib/raw-sql.server';
import { getDb } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { buildClient, buildInstance, buildWorkflow } from './factories';
import { storedAndRecomputedClientRollups, storedAndRecomputedRollups } from './helpers/rollup-check';

// Concurrent ingests cannot deadlock because each takes its rollup rows in one order: its runs, then the
// (workflow, day) rows (its upsert), then the per-client (client, day) rows in one ordered pass: in its
// upsert when all of its runs are new, else in its last statement, after the recount (rollups.server.ts).
// These tests hold a per-client row from another transaction and look at what a write has locked while it
// waits for that row.

const DAY = '2026-03-10';
const run = (executionId: string, status: ExecutionReport['status']): ExecutionReport => ({
  executionId,
  workflowId: 'wf-lock-order',
  status,
  startedAt: `${DAY}T09:00:00.000Z`,
  ...(status === 'running' ? {} : { stoppedAt: `${DAY}T09:00:01.000Z` }),
});

async function setUp() {
  const instance = await buildInstance();
  const client = await buildClient();
  const workflow = await buildWorkflow({ instance, client, n8nWorkflowId: 'wf-lock-order' });
  const push = (report: ExecutionReport) => recordRuns({ instanceId: instance.id, source: 'push', reports: [report] });
  return { instance, client, workflow, push };
}

/**
 * Holds the day's per-client row of `clientId` from another transaction, starts `write` and runs `check`
 * while it waits; then lets the row go and answers the write's result.
 */
async function whileClientRowHeld<T>(clientId: string, write: () => Promise<T>, check: () => Promise<void>): Promise<T> {
  const blocker = await getDb().transaction();
  let written: Promise<T>;
  try {
    const rows = await getDb().query('SELECT 1 FROM execution_client_daily WHERE client_id = $1 AND day = $2 FOR UPDATE', { bind: [clientId, DAY], transaction: blocker, type: QueryTypes.SELECT });
    expect(rows).toHaveLength(1);
    written = write();
    await check();
  } finally {
    await blocker.rollback();
  }
  return written;
}

/** The statement of the backend that waits for a lock, once there is one. */
async function waitingStatement(): Promise<string> {
  for (let tries = 0; tries < 250; tries++) {
    const rows = await getDb().query<{ query: string }>(
      "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      { type: QueryTypes.SELECT },
    );
    if (rows[0]) return rows[0].query.trim();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no write waited for the per-client row');
}

async function isDailyRowLocked(workflowId: string): Promise<boolean> {
  return withConnection(async (sql) => {
    try {
      await sql('SELECT 1 FROM execution_daily WHERE workflow_id = $1 AND day = $2 FOR UPDATE NOWAIT', [workflowId, DAY]);
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') return true;
      throw error;
    }
  });
}

/** Both rollup levels equal a recount of the runs; answers the per-client rows. */
async function expectRollupsOfTheRuns(instanceId: string) {
  const perWorkflow = await storedAndRecomputedRollups({ instanceId });
  expect(perWorkflow.stored).toEqual(perWorkflow.recomputed);
  const perClient = await storedAndRecomputedClientRollups();
  expect(perClient.stored).toEqual(perClient.recomputed);
  return perClient.stored;
}

describe('the rollup rows an ingest locks', () => {
  it("locks a new run's (workflow, day) row before it waits for the day's per-client row", async () => {
    const { client, workflow, push, instance } = await setUp();
    await push(run('lock-1', 'success'));
    const written = await whileClientRowHeld(client.id, () => push(run('lock-2', 'success')), async () => {
      // the write waits in its upsert, holding the (workflow, day) row already
      expect(await waitingStatement()).toMatch(/^WITH incoming AS/);
      expect(await isDailyRowLocked(workflow.id)).toBe(true);
    });
    expect(written).toEqual({ accepted: 1, created: 1, updated: 0, unchanged: 0 });
    const perClient = await expectRollupsOfTheRuns(instance.id);
    expect(perClient.filter((row) => row.client_id === client.id).map((row) => [row.day, row.total])).toEqual([[DAY, 2]]);
  });

  it('takes the per-client rows of a write that changed a run in its last statement, after the recount', async () => {
    const { client, workflow, instance } = await setUp();
    const write = (reports: ExecutionReport[]) => recordRuns({ instanceId: instance.id, source: 'push', reports });
    await write([run('recount-1', 'running')]);
    // one run finishing (its day is counted again) and one new run: counting the day reads all of its runs,
    // and the per-client rows, which every writer of the client's day needs, are not held through it
    const written = await whileClientRowHeld(client.id, () => write([run('recount-1', 'success'), run('recount-2', 'error')]), async () => {
      expect(await waitingStatement()).toMatch(/^WITH recounted AS/);
      expect(await isDailyRowLocked(workflow.id)).toBe(true);
    });
    expect(written).toEqual({ accepted: 2, created: 1, updated: 1, unchanged: 0 });
    const perClient = await expectRollupsOfTheRuns(instance.id);
    expect(perClient.filter((row) => row.client_id === client.id).map((row) => [row.day, row.total, row.success, row.error])).toEqual([[DAY, 2, 1, 1]]);
  });
});
