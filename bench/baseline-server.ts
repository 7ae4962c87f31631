// The baseline of the ingest benchmarks: a bare express + pg handler that does the same multi-row upsert of
// execution_runs as the portal, with no authentication, no validation, no merge rules and no rollups.
// Started as its own process, like the portal, on the benchmark's database (DATABASE_URL).
import express from 'express';
import pg from 'pg';

type Run = { executionId: string; workflowId: string; status: string; mode?: string; startedAt: string; stoppedAt?: string | null; durationMs?: number | null };
const COLUMNS = ['instance_id', 'n8n_execution_id', 'workflow_id', 'status', 'mode', 'started_at', 'stopped_at', 'duration_ms', 'source'];

async function main() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const { rows: instances } = await pool.query<{ id: string; identity: string }>('SELECT id, identity FROM n8n_instances');
  const { rows: workflows } = await pool.query<{ id: string; n8n_workflow_id: string }>('SELECT id, n8n_workflow_id FROM workflows');
  const instanceIds = new Map(instances.map((i) => [i.identity, i.id]));
  const workflowIds = new Map(workflows.map((w) => [w.n8n_workflow_id, w.id]));

  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.post('/api/v1/executions', (req, res, next) => {
    const body = req.body as { instance: string; runs?: Run[] } & Run;
    // sorted like the portal's upsert, so concurrent batches lock rows in one order and cannot deadlock
    const runs = [...(body.runs ?? [body])].sort((a, b) => (a.executionId < b.executionId ? -1 : a.executionId > b.executionId ? 1 : 0));
    const values: unknown[] = [];
    const tuples = runs.map((run) => {
      const row = [instanceIds.get(body.instance), run.executionId, workflowIds.get(run.workflowId), run.status, run.mode ?? 'unknown', run.startedAt, run.stoppedAt ?? null, run.durationMs ?? null, 'push'];
      return `(${row.map((value) => `$${values.push(value)}`).join(', ')})`;
    });
    pool
      .query(
        `INSERT INTO execution_runs (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
         ON CONFLICT (instance_id, n8n_execution_id) DO UPDATE
         SET status = EXCLUDED.status, stopped_at = EXCLUDED.stopped_at, duration_ms = EXCLUDED.duration_ms, updated_at = now()`,
        values,
      )
      .then(() => res.status(201).json({ accepted: runs.length }))
      .catch(next);
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(JSON.stringify({ msg: 'listening', port: typeof address === 'object' && address ? address.port : 0 }));
  });
  process.on('SIGTERM', () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

void main();
