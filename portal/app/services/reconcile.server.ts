import type { SyncTrigger } from '~/lib/jobs/queues.server';
import { withAdvisoryLock } from '~/lib/advisory-lock.server';
import { ApiError } from '~/lib/errors.server';
import { logger } from '~/lib/logger.server';
import { N8nInstance, SyncRun } from '~/models/index.server';
import { getN8nConnection } from './n8n-instance-connections.server';
import { N8nSyncError } from './reconcile-errors.server';
import { syncExecutions, type SyncCounts, type SyncProgress } from './reconcile-executions.server';
import { syncWorkflows } from './reconcile-workflows.server';

export const DEFAULT_OVERLAP_MS = 60 * 60 * 1000;

export type ReconcileOptions = {
  instanceId: string;
  trigger: SyncTrigger;
  /** page back to this time instead of the watermark */
  since?: Date;
  /** ignore the watermark: page through everything n8n still has */
  full?: boolean;
  /** how far before the watermark a pass goes again (late-starting and long-running executions); default 1 h */
  overlapMs?: number;
  /** wait this long for a sync of the same instance to finish; 0 = fail at once (the CLI) */
  waitForLockMs?: number;
  onProgress?: (progress: SyncProgress & { workflows: number }) => void;
};

export type ReconcileResult = { syncRun: SyncRun; ok: boolean };

export function syncLockName(instanceId: string) {
  return `reconcile:${instanceId}`;
}

/**
 * Reconciles one instance with n8n: its workflows, then its executions back to the watermark (minus an
 * overlap), then its running ones; see DESIGN.md section 5. One at a time per instance (an advisory lock).
 * Recorded in a sync_runs row. n8n being unreachable or refusing is an outcome (ok: false), not a throw.
 */
export async function reconcileInstance(options: ReconcileOptions): Promise<ReconcileResult> {
  const instance = await N8nInstance.findByPk(options.instanceId);
  if (!instance) throw new ApiError('not_found', 'n8n instance not found');
  const connection = getN8nConnection(instance);
  if (!connection) throw new ApiError('unprocessable', `The n8n instance "${instance.name}" has no API key, so it cannot be synced`);
  const locked = await withAdvisoryLock({ name: syncLockName(instance.id), waitMs: options.waitForLockMs ?? 0 }, async () => {
    const syncRun = await startSyncRun({ instanceId: instance.id, trigger: options.trigger });
    const counts: SyncCounts = { pages: 0, executionsSeen: 0, runsInserted: 0, runsUpdated: 0 };
    let workflows = 0;
    try {
      await instance.update({ lastSyncStatus: 'running' });
      const synced = await syncWorkflows({ instanceId: instance.id, connection });
      workflows = synced.synced;
      await syncRun.update({ workflowsSynced: workflows });
      options.onProgress?.({ ...counts, phase: 'workflows', coverage: null, workflows });
      await syncExecutions({
        instance,
        connection,
        counts,
        since: options.since,
        full: options.full,
        overlapMs: options.overlapMs ?? DEFAULT_OVERLAP_MS,
        onPage: async (progress) => {
          await syncRun.update({ ...counts });
          options.onProgress?.({ ...progress, workflows });
        },
      });
      await syncRun.update({ ...counts, status: 'ok', finishedAt: new Date(), error: null });
      await instance.update({ lastSyncAt: new Date(), lastSyncStatus: 'ok', lastSyncError: null });
      return { syncRun, ok: true };
    } catch (error) {
      const message = error instanceof N8nSyncError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      await syncRun.update({ ...counts, status: 'error', finishedAt: new Date(), error: message });
      await instance.update({ lastSyncAt: new Date(), lastSyncStatus: 'error', lastSyncError: message });
      if (!(error instanceof N8nSyncError)) throw error;
      logger.warn({ instance: instance.name, err: error }, 'sync failed');
      return { syncRun, ok: false };
    }
  });
  if (!locked.acquired) throw new ApiError('conflict', `A sync of "${instance.name}" is already running`);
  return locked.value;
}

/**
 * Takes the oldest queued sync run of the instance ("Sync now"), or starts a new one. Runs still marked
 * running belong to a process that died (this one holds the lock now), so they are closed as interrupted.
 */
async function startSyncRun({ instanceId, trigger }: { instanceId: string; trigger: SyncTrigger }): Promise<SyncRun> {
  await SyncRun.update({ status: 'error', finishedAt: new Date(), error: 'Interrupted: the process running it stopped' }, { where: { instanceId, status: 'running' } });
  const queued = await SyncRun.findOne({ where: { instanceId, status: 'queued' }, order: [['createdAt', 'ASC']] });
  if (queued) return queued.update({ status: 'running', startedAt: new Date() });
  return SyncRun.create({ instanceId, trigger, status: 'running', finishedAt: null, error: null });
}
