import type { ExecutionStatus } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import { getDb } from '~/models/index.server';

export type LastRun = { startedAt: Date; status: ExecutionStatus };

/**
 * The newest run of each workflow, derived from execution_runs: one backwards step on the
 * (workflow_id, started_at) index per workflow, so it stays cheap however many runs there are.
 */
export async function findLastRuns(workflowIds: string[]): Promise<Map<string, LastRun>> {
  if (workflowIds.length === 0) return new Map();
  const rows = await getDb().query<{ workflow_id: string; started_at: Date; status: ExecutionStatus }>(
    `SELECT w.id AS workflow_id, r.started_at, r.status
     FROM unnest($1::uuid[]) AS w(id)
     CROSS JOIN LATERAL (
       SELECT started_at, status FROM execution_runs WHERE workflow_id = w.id ORDER BY started_at DESC LIMIT 1
     ) r`,
    { bind: [workflowIds], type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [row.workflow_id, { startedAt: new Date(row.started_at), status: row.status }]));
}
