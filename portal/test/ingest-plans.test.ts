import { QueryTypes } from 'sequelize';
import { getDb } from '~/models/index.server';
import { withConnection } from '~/lib/raw-sql.server';
import { recordRuns } from '~/services/ingest.server';
import { INGEST_ROLLUPS_SQL } from '~/services/rollups.server';
import { buildInstance } from './factories';

// The ingest's statements run on generic plans (decision 14), made once per connection, possibly on a
// new portal's empty tables, and kept while the tables grow. Recounting a day must then still read only
// that workflow's runs of the day: a plan on the started_at index read every workflow's runs of the day for
// each key, and the ingest slowed down as the history grew.

const DAY = '2026-04-02';

it("recounts a day through the workflow's own runs on a plan made while execution_runs was empty", async () => {
  const [{ runs }] = await getDb().query<{ runs: number }>('SELECT count(*)::int AS runs FROM execution_runs', { type: QueryTypes.SELECT });
  expect(runs).toBe(0);
  const plan = await withConnection(async (sql) => {
    await sql(`SET plan_cache_mode = force_generic_plan`);
    // the parameters' types come from the statement's own casts
    await sql(`PREPARE recount AS ${INGEST_ROLLUPS_SQL}`);
    try {
      // the first execution makes the generic plan, on the empty table; the ones after reuse it
      await sql(`BEGIN`);
      await sql(`EXPLAIN EXECUTE recount('{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}')`);
      await sql(`ROLLBACK`);
      const instance = await buildInstance();
      for (let batch = 0; batch < 10; batch++) {
        const reports = Array.from({ length: 200 }, (_, i) => ({
          executionId: `e${batch}-${i}`,
          workflowId: `wf${i % 40}`,
          status: 'success' as const,
          startedAt: `${DAY}T${String(i % 24).padStart(2, '0')}:00:00.000Z`,
        }));
        await recordRuns({ instanceId: instance.id, source: 'push', reports });
      }
      const [workflow] = await getDb().query<{ id: string }>(`SELECT id FROM workflows WHERE n8n_workflow_id = 'wf7'`, { type: QueryTypes.SELECT });
      await sql(`BEGIN`);
      const rows = await sql<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE recount('{}', '{}', '{}', '{}', '{}', '{}', '{}', '{${workflow!.id}}', '{${DAY}}')`);
      await sql(`ROLLBACK`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await sql(`DEALLOCATE recount`);
      await sql(`RESET plan_cache_mode`);
    }
  });
  expect(plan).toContain('execution_runs_workflow_started_idx');
  expect(plan).not.toContain('execution_runs_started_idx');
  // 2,000 runs of the day, 50 of them the recounted workflow's: only those are read
  expect(plan).toMatch(/Index Scan using execution_runs_workflow_started_idx on execution_runs r \(actual rows=50 loops=1\)|Bitmap Index Scan on execution_runs_workflow_started_idx \(actual rows=50 loops=1\)/);
});
