import { QueryTypes, type Transaction } from 'sequelize';
import * as migration from '../migrations/2026.11.26T11.00.00.client-sums-by-ingest';
import { getDb, Workflow } from '~/models/index.server';
import { withConnection } from '~/lib/raw-sql.server';
import { applyIngestSettings, recordRuns } from '~/services/ingest.server';
import { rebuildAllRollups } from '~/services/rollups.server';
import { buildInstance } from './factories';
import { storedAndRecomputedClientRollups } from './helpers/rollup-check';

// The ingest changes the per-client rollups itself; execution_daily's triggers stand aside only inside its
// transaction, which says so with a transaction-local setting. Every other writer is summed by the triggers.

const DAY = '2026-03-14';

async function clientTotal(): Promise<number> {
  const [row] = await getDb().query<{ total: number }>(`SELECT coalesce(sum(total), 0)::int AS total FROM execution_client_daily WHERE day = $1`, {
    bind: [DAY],
    type: QueryTypes.SELECT,
  });
  return row!.total;
}

/** Adds 5 runs to a workflow's row of DAY straight in execution_daily, in a transaction that may say it is the ingest's. */
async function addToDailyRow({ workflowId, asIngest }: { workflowId: string; asIngest: boolean }) {
  await getDb().transaction(async (transaction: Transaction) => {
    if (asIngest) await getDb().query(`SELECT set_config('monoliet.client_rollups', 'caller', true)`, { transaction });
    await getDb().query(
      `INSERT INTO execution_daily (workflow_id, day, client_id, total, success) VALUES ($1, $2, NULL, 5, 5)
       ON CONFLICT (workflow_id, day) DO UPDATE SET total = execution_daily.total + 5, success = execution_daily.success + 5`,
      { bind: [workflowId, DAY], transaction },
    );
  });
}

describe('per-client rollups kept by the ingest', () => {
  it('are kept by ingests, while other writers after them are still summed by the triggers', async () => {
    const instance = await buildInstance();
    // the setting is transaction-local: it ends with each ingest's commit, whichever pooled connection ran it
    for (let i = 0; i < 3; i++) {
      await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: `p${i}`, workflowId: 'wf', status: 'success', startedAt: `${DAY}T1${i}:00:00.000Z`, durationMs: 100 }] });
    }
    expect(await clientTotal()).toBe(3);
    const workflow = (await Workflow.findOne({ where: { instanceId: instance.id } }))!;
    await addToDailyRow({ workflowId: workflow.id, asIngest: false });
    expect(await clientTotal()).toBe(8);
    // inside a transaction that says it is the ingest's, the trigger leaves the per-client row alone
    await addToDailyRow({ workflowId: workflow.id, asIngest: true });
    expect(await clientTotal()).toBe(8);
  });

  it("ends the ingest's settings with its transaction, on the connection that goes back to the pool", async () => {
    const settings = `SELECT current_setting('monoliet.client_rollups', true) AS sums, current_setting('plan_cache_mode') AS plans`;
    await withConnection(async (sql) => {
      for (const end of ['COMMIT', 'ROLLBACK']) {
        await sql('BEGIN');
        await applyIngestSettings(sql);
        // inside: the triggers leave the per-client sums to the ingest, and its statements keep generic plans
        expect(await sql(settings)).toEqual([{ sums: 'caller', plans: 'force_generic_plan' }]);
        await sql(end);
        // after: other work on this connection (a dashboard's statements) is summed and planned as usual
        expect(await sql(settings)).toEqual([{ sums: '', plans: 'auto' }]);
      }
    });
  });

  it('has a down migration that makes the triggers sum every writer again, and an up migration that restores the ingest path', async () => {
    const instance = await buildInstance();
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: 'm1', workflowId: 'wf-m', status: 'error', startedAt: `${DAY}T08:00:00.000Z` }] });
    const before = await clientTotal();
    const workflow = (await Workflow.findOne({ where: { instanceId: instance.id } }))!;
    const context = getDb().getQueryInterface();
    await migration.down({ context, name: 'client-sums-by-ingest' });
    try {
      await addToDailyRow({ workflowId: workflow.id, asIngest: true });
      expect(await clientTotal()).toBe(before + 5);
    } finally {
      await migration.up({ context, name: 'client-sums-by-ingest' });
    }
    await addToDailyRow({ workflowId: workflow.id, asIngest: true });
    expect(await clientTotal()).toBe(before + 5);
  });

  afterEach(async () => {
    // the rows written straight into execution_daily above are not runs: a rebuild makes every rollup
    // match the runs again, through the triggers
    await rebuildAllRollups();
    const { stored, recomputed } = await storedAndRecomputedClientRollups();
    expect(stored).toEqual(recomputed);
  });
});
