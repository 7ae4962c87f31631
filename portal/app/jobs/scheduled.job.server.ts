import type { JobDefinition } from '~/lib/jobs/boss.server';
import { evaluateErrorAlert, sendErrorDigest } from '~/services/error-alerts.server';
import { sendInvoiceReminders } from '~/services/invoice-reminders.server';
import { reconcileInstance } from '~/services/reconcile.server';
import { queueScheduledSyncs } from '~/services/sync-runs.server';
import { checkWorkflowHealth } from '~/services/workflow-health.server';

/** Without an instance: the schedule, which queues one job per instance. With one: reconcile it. */
export const reconcileJob: JobDefinition<'reconcile'> = {
  queue: 'reconcile',
  workers: 2,
  run: async ({ instanceId, trigger }) => {
    if (!instanceId) return queueScheduledSyncs();
    // a sync of the same instance from the CLI finishes first
    return (await reconcileInstance({ instanceId, trigger, waitForLockMs: 15 * 60_000 })).ok;
  },
};

export const invoiceRemindersJob: JobDefinition<'invoice-reminders'> = {
  queue: 'invoice-reminders',
  run: () => sendInvoiceReminders(),
};

export const workflowHealthJob: JobDefinition<'workflow-health'> = {
  queue: 'workflow-health',
  run: () => checkWorkflowHealth(),
};

export const workflowAlertsJob: JobDefinition<'workflow-alerts'> = {
  queue: 'workflow-alerts',
  workers: 2,
  batchSize: 5,
  run: ({ workflowId }) => evaluateErrorAlert({ workflowId }),
};

export const alertDigestJob: JobDefinition<'alert-digest'> = {
  queue: 'alert-digest',
  run: ({ alertId }) => sendErrorDigest({ alertId }),
};
