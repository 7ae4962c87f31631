import type { SyncRunDto } from '@monoliet/contract';
import { isAdvisoryLockHeld } from '~/lib/advisory-lock.server';
import { ApiError } from '~/lib/errors.server';
import { enqueueJob } from '~/lib/jobs/boss.server';
import { paginate } from '~/lib/pagination.server';
import { getDb, N8nInstance, SyncRun } from '~/models/index.server';
import { recordAudit, type Actor } from './audit.server';
import { listSyncableInstances } from './n8n-instance-connections.server';
import { syncLockName } from './reconcile.server';

export function toSyncRunDto(run: SyncRun): SyncRunDto {
  return {
    id: run.id,
    instanceId: run.instanceId,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    pages: run.pages,
    executionsSeen: run.executionsSeen,
    runsInserted: run.runsInserted,
    runsUpdated: run.runsUpdated,
    workflowsSynced: run.workflowsSynced,
    error: run.error,
  };
}

/**
 * "Sync now" (POST /api/v1/n8n-instances/:id/sync): queues a reconcile of the instance and answers its sync
 * run (status queued). A sync already queued or running is answered instead of starting another.
 */
export async function requestSync({ instanceId, actor }: { instanceId: string; actor: Actor }): Promise<SyncRunDto> {
  const instance = await N8nInstance.findByPk(instanceId);
  if (!instance) throw new ApiError('not_found', 'n8n instance not found');
  if (!instance.apiKeyEncrypted) throw new ApiError('unprocessable', `The n8n instance "${instance.name}" has no API key, so it cannot be synced`);
  const running = await SyncRun.findOne({ where: { instanceId, status: 'running' } });
  if (running && (await isAdvisoryLockHeld(syncLockName(instanceId)))) return toSyncRunDto(running);
  const run = await getDb().transaction(async (transaction) => {
    // serializes concurrent requests for the same instance
    await N8nInstance.findByPk(instanceId, { lock: transaction.LOCK.UPDATE, transaction });
    const queued = await SyncRun.findOne({ where: { instanceId, status: 'queued' }, transaction });
    if (queued) return queued;
    const created = await SyncRun.create({ instanceId, trigger: 'manual', status: 'queued', finishedAt: null, error: null }, { transaction });
    await enqueueJob({ queue: 'reconcile', data: { instanceId, trigger: 'manual' }, options: { singletonKey: instanceId }, transaction });
    await recordAudit({ actor, action: 'n8n_instance.sync', target: { type: 'n8n_instance', id: instanceId }, metadata: { syncRunId: created.id } }, transaction);
    return created;
  });
  return toSyncRunDto(run);
}

export async function getSyncRun({ id }: { id: string }): Promise<SyncRunDto> {
  const run = await SyncRun.findByPk(id);
  if (!run) throw new ApiError('not_found', 'Sync run not found');
  return toSyncRunDto(run);
}

/** The sync history of an instance, newest first (the staff instance page). */
export async function listSyncRuns({ instanceId, limit = 20, cursor }: { instanceId: string; limit?: number; cursor?: string }): Promise<{ data: SyncRunDto[]; nextCursor: string | null }> {
  const page = await paginate({ model: SyncRun, where: { instanceId }, order: { field: 'startedAt', direction: 'DESC' }, limit, cursor });
  return { data: page.rows.map(toSyncRunDto), nextCursor: page.nextCursor };
}

/** The schedule's fan-out: one reconcile job per instance with an API key (at most one waiting each). */
export async function queueScheduledSyncs(): Promise<number> {
  const instances = await listSyncableInstances();
  for (const instance of instances) {
    await enqueueJob({ queue: 'reconcile', data: { instanceId: instance.id, trigger: 'schedule' }, options: { singletonKey: instance.id } });
  }
  return instances.length;
}
