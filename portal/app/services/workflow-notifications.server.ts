import type { Transaction } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import { healthDigest, workflowErrorDigest, workflowFailing, workflowRecovered, type HealthAlertLine, type RunError } from '~/lib/email/templates';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import type { Alert, Workflow } from '~/models/index.server';
import { queueEmails } from './emails.server';
import { alertPayload, workflowPayload } from './event-payloads.server';
import { publishEvent } from './events.server';
import { getEmailBranding, getStaffAlertRecipients } from './recipients.server';

// Workflow alerts to staff. Error alerts mail at once, then in throttled digests, then a recovery notice.
// Health alerts (stuck, missed, failure rate, no runs) go out together in one health digest per check.
// Every alert that opens or resolves also fires workflow.failing / workflow.recovered for webhooks.

type WorkflowWithClient = Workflow & { client?: { companyName: string } | null };
const summary = (workflow: WorkflowWithClient) => ({ name: workflow.name || workflow.n8nWorkflowId, clientName: workflow.client?.companyName ?? null });
const workflowUrl = (workflow: Workflow) => `${getConfig().publicUrl}${PORTAL_PATHS.staffWorkflow(workflow.id)}`;

async function staffMail({ template, rendered, workflow }: { template: string; rendered: ReturnType<typeof workflowFailing>; workflow: Workflow }, transaction: Transaction) {
  return { template, to: await getStaffAlertRecipients(transaction), rendered, clientId: workflow.clientId };
}

/** workflow.failing; with `error` (an error alert) it also mails staff at once. */
export async function notifyWorkflowFailing({ workflow, alert, error }: { workflow: WorkflowWithClient; alert: Alert; error?: RunError }, transaction: Transaction) {
  const branding = await getEmailBranding(transaction);
  const emails = error ? [await staffMail({ template: 'workflow-failing', rendered: workflowFailing({ branding, workflow: summary(workflow), error, url: workflowUrl(workflow) }), workflow }, transaction)] : [];
  return publishEvent({ event: 'workflow.failing', data: { workflow: workflowPayload(workflow), alert: alertPayload(alert), ...(error ? { error } : {}) }, clientId: workflow.clientId, emails }, transaction);
}

/** workflow.recovered; for an error alert (`errorCount`) it also mails staff. */
export async function notifyWorkflowRecovered({ workflow, alert, withEmail }: { workflow: WorkflowWithClient; alert: Alert; withEmail: boolean }, transaction: Transaction) {
  const branding = await getEmailBranding(transaction);
  const rendered = workflowRecovered({ branding, workflow: summary(workflow), failingSince: alert.openedAt.toISOString(), errorCount: alert.count, url: workflowUrl(workflow) });
  const emails = withEmail ? [await staffMail({ template: 'workflow-recovered', rendered, workflow }, transaction)] : [];
  return publishEvent({ event: 'workflow.recovered', data: { workflow: workflowPayload(workflow), alert: alertPayload(alert) }, clientId: workflow.clientId, emails }, transaction);
}

/** The throttled digest of an open error alert. */
export async function queueErrorDigest({ workflow, errors, total }: { workflow: WorkflowWithClient; errors: RunError[]; total: number }, transaction: Transaction) {
  const branding = await getEmailBranding(transaction);
  const rendered = workflowErrorDigest({ branding, workflow: summary(workflow), errors, total, url: workflowUrl(workflow) });
  return queueEmails([await staffMail({ template: 'workflow-error-digest', rendered, workflow }, transaction)], transaction);
}

export type HealthChange = { workflow: WorkflowWithClient; alert: Alert };

/** One mail per health check that opened or resolved something. */
export async function queueHealthDigest({ opened, resolved, stillOpen }: { opened: HealthChange[]; resolved: HealthChange[]; stillOpen: number }, transaction: Transaction) {
  if (opened.length === 0 && resolved.length === 0) return [];
  const branding = await getEmailBranding(transaction);
  const line = ({ workflow, alert }: HealthChange): HealthAlertLine => ({ workflow: summary(workflow), message: alert.message });
  const rendered = healthDigest({ branding, opened: opened.map(line), resolved: resolved.map(line), stillOpen, url: `${getConfig().publicUrl}${PORTAL_PATHS.staffAlerts()}` });
  return queueEmails([{ template: 'health-digest', to: await getStaffAlertRecipients(transaction), rendered, clientId: null }], transaction);
}
