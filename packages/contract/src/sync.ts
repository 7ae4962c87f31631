import { z } from 'zod';
import { defineRoute, IdParamsSchema, isoDateTime } from './api';

export const SYNC_RUN_STATUSES = ['queued', 'running', 'ok', 'error'] as const;
export const SYNC_RUN_TRIGGERS = ['schedule', 'manual', 'cli'] as const;

/** One reconcile of an n8n instance (DESIGN.md section 5), with what it found. */
export const SyncRunSchema = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  trigger: z.enum(SYNC_RUN_TRIGGERS),
  status: z.enum(SYNC_RUN_STATUSES),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  pages: z.int(),
  executionsSeen: z.int(),
  runsInserted: z.int(),
  runsUpdated: z.int(),
  workflowsSynced: z.int(),
  error: z.string().nullable(),
});
export type SyncRunDto = z.infer<typeof SyncRunSchema>;

export const syncRoutes = {
  start: defineRoute({ id: 'syncN8nInstance', method: 'POST', path: '/n8n-instances/{id}/sync', summary: 'Sync now: queue a reconcile of this instance (answers the queued or already running sync run)', tag: 'n8n instances', access: 'staff', scope: 'write', params: IdParamsSchema, response: SyncRunSchema, status: 202, resource: 'n8nInstance' }),
  get: defineRoute({ id: 'getSyncRun', method: 'GET', path: '/sync-runs/{id}', summary: 'Get a sync run (poll it after "Sync now")', tag: 'n8n instances', access: 'staff', scope: 'read', params: IdParamsSchema, response: SyncRunSchema, status: 200, resource: 'syncRun' }),
};
