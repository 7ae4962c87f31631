import { QueryTypes } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb } from '~/models/index.server';

export type ClientWorkflowRow = {
  id: string;
  name: string;
  status: 'active' | 'paused' | 'error';
  active: boolean;
  archived: boolean;
  runs30: number;
  errors30: number;
  lastRunAt: string | null;
};

/** Staff: a client's workflows with their runs and failures of the last 30 days (from the rollups) and last run. */
export async function listClientWorkflows({ caller, clientId }: { caller: Caller; clientId: string }): Promise<ClientWorkflowRow[]> {
  assertStaff(caller);
  const rows = await getDb().query<{ id: string; name: string; status: ClientWorkflowRow['status']; active: boolean; archived: boolean; runs: string; errors: string; last_run_at: Date | null }>(
    `SELECT w.id, w.name, w.status, w.active, w.archived_at IS NOT NULL AS archived,
            coalesce(sum(d.total), 0)::text AS runs, coalesce(sum(d.error), 0)::text AS errors,
            (SELECT max(r.started_at) FROM execution_runs r WHERE r.workflow_id = w.id) AS last_run_at
       FROM workflows w
       LEFT JOIN execution_daily d ON d.workflow_id = w.id AND d.day > (now() AT TIME ZONE 'UTC')::date - 30
      WHERE w.client_id = $1
      GROUP BY w.id
      ORDER BY w.archived_at IS NOT NULL, w.name`,
    { bind: [clientId], type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    active: row.active,
    archived: row.archived,
    runs30: Number(row.runs),
    errors30: Number(row.errors),
    lastRunAt: row.last_run_at ? new Date(row.last_run_at).toISOString() : null,
  }));
}
