import { QueryTypes, type Transaction } from 'sequelize';
import type { RunError } from '~/lib/email/templates';
import { enqueueJob } from '~/lib/jobs/boss.server';
import { Alert, getDb, Workflow, type PortalSettings } from '~/models/index.server';
import { openAlert, resolveAlert } from './alerts.server';
import { getSettings } from './settings.server';
import { notifyWorkflowFailing, notifyWorkflowRecovered, queueErrorDigest } from './workflow-notifications.server';

// Error alerts follow a workflow's finished runs (push or backfill, in any order): the newest finished run
// decides. An error opens the alert and mails at once; later errors are counted and mailed in at most one
// digest per alert_throttle_minutes; a success resolves it with a recovery notice.

type RunRow = { n8n_execution_id: string; status: string; started_at: Date; error_message: string | null; error_node: string | null };

const FINISHED = "r.status IN ('success', 'error', 'crashed')";
const FAILED = "r.status IN ('error', 'crashed')";
const COUNTED = "(r.mode <> 'manual' OR $2::boolean)";

async function runs({ workflowId, settings, where, bind = [], order = 'DESC', limit }: { workflowId: string; settings: PortalSettings; where: string; bind?: unknown[]; order?: 'ASC' | 'DESC'; limit: number }, transaction: Transaction) {
  return getDb().query<RunRow>(
    `SELECT r.n8n_execution_id, r.status, r.started_at, r.error_message, r.error_node FROM execution_runs r
     WHERE r.workflow_id = $1 AND ${COUNTED} AND ${where} ORDER BY r.started_at ${order} LIMIT ${limit}`,
    { bind: [workflowId, settings.countManualRuns, ...bind], type: QueryTypes.SELECT, transaction },
  );
}

async function countErrorsAfter({ workflowId, settings, after }: { workflowId: string; settings: PortalSettings; after: string | null }, transaction: Transaction): Promise<number> {
  const [row] = await getDb().query<{ count: string }>(
    `SELECT count(*) AS count FROM execution_runs r WHERE r.workflow_id = $1 AND ${COUNTED} AND ${FAILED} AND ($3::timestamptz IS NULL OR r.started_at > $3)`,
    { bind: [workflowId, settings.countManualRuns, after], type: QueryTypes.SELECT, transaction },
  );
  return Number(row!.count);
}

export const toRunError = (run: RunRow): RunError => ({ executionId: run.n8n_execution_id, startedAt: run.started_at.toISOString(), message: run.error_message, node: run.error_node });

/** The `workflow-alerts` job: brings the workflow's error alert in line with its runs. Safe to run twice. */
export async function evaluateErrorAlert({ workflowId, now = new Date() }: { workflowId: string; now?: Date }) {
  await getDb().transaction(async (transaction) => {
    // one evaluation per workflow at a time; NO KEY UPDATE does not wait for ingests, whose new runs only
    // hold a key-share lock on the workflow (the foreign key)
    const workflow = await Workflow.findByPk(workflowId, { include: [{ association: 'client', attributes: ['companyName'] }], lock: { level: transaction.LOCK.NO_KEY_UPDATE, of: Workflow }, transaction });
    if (!workflow) return;
    const settings = await getSettings(transaction);
    const [latest] = await runs({ workflowId, settings, where: FINISHED, limit: 1 }, transaction);
    if (!latest) return;
    const open = await Alert.findOne({ where: { workflowId, kind: 'error', resolvedAt: null }, transaction });
    if (open && latest.status === 'success') {
      if (await resolveAlert({ alert: open, details: { recoveredByRunAt: latest.started_at.toISOString() } }, transaction)) {
        await notifyWorkflowRecovered({ workflow, alert: open, withEmail: true }, transaction);
      }
      return;
    }
    if (latest.status === 'success') return;
    if (open) await countNewErrors({ workflow, alert: open, settings, now }, transaction);
    else await openErrorAlert({ workflow, latest, settings, now }, transaction);
  });
}

async function openErrorAlert({ workflow, latest, settings, now }: { workflow: Workflow; latest: RunRow; settings: PortalSettings; now: Date }, transaction: Transaction) {
  // old history (a first backfill) does not alert, nor do errors from before the last recovery
  if (latest.started_at.getTime() < now.getTime() - settings.healthWindowHours * 3_600_000) return;
  const previous = await Alert.findOne({ where: { workflowId: workflow.id, kind: 'error' }, order: [['resolvedAt', 'DESC NULLS LAST']], transaction });
  const recoveredAt = previous?.details.recoveredByRunAt as string | undefined;
  if (recoveredAt && latest.started_at.toISOString() <= recoveredAt) return;
  const [lastSuccess] = await runs({ workflowId: workflow.id, settings, where: "r.status = 'success'", limit: 1 }, transaction);
  const after = [recoveredAt, lastSuccess?.started_at.toISOString()].filter(Boolean).sort().at(-1) ?? null;
  const count = Math.max(1, await countErrorsAfter({ workflowId: workflow.id, settings, after }, transaction));
  const lastErrorAt = latest.started_at.toISOString();
  const { alert, opened } = await openAlert(
    { workflowId: workflow.id, kind: 'error', message: latest.error_message || 'A run failed', details: { executionId: latest.n8n_execution_id, errorNode: latest.error_node, lastErrorAt, notifiedThrough: lastErrorAt }, count, notified: true },
    transaction,
  );
  if (opened) await notifyWorkflowFailing({ workflow, alert, error: toRunError(latest) }, transaction);
}

async function countNewErrors({ workflow, alert, settings, now }: { workflow: Workflow; alert: Alert; settings: PortalSettings; now: Date }, transaction: Transaction) {
  const lastErrorAt = (alert.details.lastErrorAt as string | undefined) ?? alert.openedAt.toISOString();
  const fresh = await runs({ workflowId: workflow.id, settings, where: `${FAILED} AND r.started_at > $3`, bind: [lastErrorAt], order: 'ASC', limit: 1000 }, transaction);
  if (fresh.length === 0) return;
  const newest = fresh.at(-1)!;
  await alert.update({ count: alert.count + fresh.length, message: newest.error_message || alert.message, details: { ...alert.details, lastErrorAt: newest.started_at.toISOString(), executionId: newest.n8n_execution_id, errorNode: newest.error_node } }, { transaction });
  const dueAt = new Date((alert.lastNotifiedAt ?? alert.openedAt).getTime() + settings.alertThrottleMinutes * 60_000);
  await enqueueJob({ queue: 'alert-digest', data: { alertId: alert.id }, options: { singletonKey: alert.id, startAfter: dueAt > now ? dueAt : undefined }, transaction });
}

/** The `alert-digest` job: mails the errors since the last notice, once the throttle window has passed. */
export async function sendErrorDigest({ alertId, now = new Date() }: { alertId: string; now?: Date }) {
  await getDb().transaction(async (transaction) => {
    const alert = await Alert.findByPk(alertId, { lock: transaction.LOCK.UPDATE, transaction });
    if (!alert || alert.resolvedAt) return;
    const settings = await getSettings(transaction);
    const dueAt = new Date((alert.lastNotifiedAt ?? alert.openedAt).getTime() + settings.alertThrottleMinutes * 60_000);
    if (dueAt > now) {
      await enqueueJob({ queue: 'alert-digest', data: { alertId }, options: { singletonKey: alert.id, startAfter: dueAt }, transaction });
      return;
    }
    const notifiedThrough = (alert.details.notifiedThrough as string | undefined) ?? alert.openedAt.toISOString();
    const errors = await runs({ workflowId: alert.workflowId, settings, where: `${FAILED} AND r.started_at > $3`, bind: [notifiedThrough], order: 'ASC', limit: 20 }, transaction);
    if (errors.length === 0) return;
    const total = await countErrorsAfter({ workflowId: alert.workflowId, settings, after: notifiedThrough }, transaction);
    const workflow = (await Workflow.findByPk(alert.workflowId, { include: [{ association: 'client', attributes: ['companyName'] }], transaction }))!;
    await queueErrorDigest({ workflow, errors: errors.map(toRunError), total }, transaction);
    const through = (alert.details.lastErrorAt as string | undefined) ?? errors.at(-1)!.started_at.toISOString();
    await alert.update({ lastNotifiedAt: now, details: { ...alert.details, notifiedThrough: through } }, { transaction });
  });
}
