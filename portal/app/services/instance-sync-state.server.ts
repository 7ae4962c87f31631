import { QueryTypes } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb } from '~/models/index.server';

export type InstanceSyncState = {
  id: string;
  name: string;
  baseUrl: string;
  isActive: boolean;
  /** false: a push-only instance (no API key), which the portal cannot sync */
  canSync: boolean;
  lastSyncAt: string | null;
  lastSyncStatus: string | null;
  /** when the last sync that succeeded finished: what the portal knows is at most this old */
  lastSuccessAt: string | null;
  /** seconds since lastSuccessAt; null when no sync ever succeeded */
  lagSeconds: number | null;
  lastError: string | null;
  runningSince: string | null;
};

/** Staff: each n8n instance's sync state, from n8n_instances and its sync_runs. */
export async function listInstanceSyncStates({ caller, now = new Date() }: { caller: Caller; now?: Date }): Promise<InstanceSyncState[]> {
  assertStaff(caller);
  const rows = await getDb().query<{
    id: string;
    name: string;
    base_url: string;
    is_active: boolean;
    can_sync: boolean;
    last_sync_at: Date | null;
    last_sync_status: string | null;
    last_sync_error: string | null;
    last_success_at: Date | null;
    last_run_error: string | null;
    running_since: Date | null;
  }>(
    `SELECT i.id, i.name, i.base_url, i.is_active, i.api_key_encrypted IS NOT NULL AS can_sync,
            i.last_sync_at, i.last_sync_status, i.last_sync_error,
            (SELECT max(finished_at) FROM sync_runs s WHERE s.instance_id = i.id AND s.status = 'ok') AS last_success_at,
            (SELECT s.error FROM sync_runs s WHERE s.instance_id = i.id AND s.finished_at IS NOT NULL ORDER BY s.started_at DESC LIMIT 1) AS last_run_error,
            (SELECT min(started_at) FROM sync_runs s WHERE s.instance_id = i.id AND s.status = 'running') AS running_since
       FROM n8n_instances i
      ORDER BY i.name`,
    { type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    isActive: row.is_active,
    canSync: row.can_sync,
    lastSyncAt: row.last_sync_at ? new Date(row.last_sync_at).toISOString() : null,
    lastSyncStatus: row.last_sync_status,
    lastSuccessAt: row.last_success_at ? new Date(row.last_success_at).toISOString() : null,
    lagSeconds: row.last_success_at ? Math.max(0, Math.round((now.getTime() - new Date(row.last_success_at).getTime()) / 1000)) : null,
    lastError: row.last_sync_status === 'error' ? (row.last_sync_error ?? row.last_run_error) : null,
    runningSince: row.running_since ? new Date(row.running_since).toISOString() : null,
  }));
}
