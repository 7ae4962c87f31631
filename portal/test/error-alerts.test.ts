import type { ExecutionReport } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import { resetConfig } from '~/lib/config.server';
import { Alert, Email, getDb, PortalSettings, WebhookDelivery, WebhookSubscription, Workflow } from '~/models/index.server';
import { sendErrorDigest } from '~/services/error-alerts.server';
import { recordRuns } from '~/services/ingest.server';
import { sealSecret } from '~/services/secrets.server';
import { buildClient, buildInstance, buildWorkflow } from './factories';
import { isQueueIdle, startTestJobs } from './helpers/jobs';
import { startSmtpServer } from './helpers/smtp';
import { waitFor } from './helpers/wait';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  await PortalSettings.update({ alertRecipients: ['oncall@agency.example'], alertThrottleMinutes: 30 }, { where: { id: 1 } });
  // workflow.failing / recovered are also webhook events (the receiver is not reachable: only the deliveries matter)
  await WebhookSubscription.create({ targetUrl: 'https://hooks.invalid/alerts', events: ['workflow.failing', 'workflow.recovered'], secretEncrypted: sealSecret({ kind: 'webhookSecret', plaintext: 'whsec_alerts_0123456789' }), clientId: null, createdById: null });
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetConfig();
  await startTestJobs();
});

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  resetConfig();
});

let executionId = 1000;
function run(workflow: Workflow, status: ExecutionReport['status'], { minutesAgo = 0, mode = 'trigger', message }: { minutesAgo?: number; mode?: string; message?: string } = {}): ExecutionReport {
  return { executionId: String(++executionId), workflowId: workflow.n8nWorkflowId, status, mode, startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), errorMessage: message, errorNode: message ? 'HTTP Request' : undefined };
}

async function push(workflow: Workflow, reports: ExecutionReport[]) {
  await recordRuns({ instanceId: workflow.instanceId, source: 'push', reports });
}

const settled = () =>
  waitFor(async () => (await isQueueIdle('workflow-alerts')) && (await isQueueIdle('email')) && (await Email.count({ where: { status: 'queued' } })) === 0, { what: 'the alert evaluation and its mails' });
const mailsAbout = (workflow: Workflow) => smtp.received.filter((m) => m.subject.includes(workflow.name)).map((m) => m.subject);

const alertChecksOf = async (workflow: Workflow) =>
  (await getDb().query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'workflow-alerts' AND data->>'workflowId' = $1", { bind: [workflow.id], type: QueryTypes.SELECT }))[0]!.n;

describe('workflow error alerts', () => {
  it('mails the first error at once, collects later errors into one digest, and mails the recovery', async () => {
    const client = await buildClient({ companyName: 'Acme' });
    const workflow = await buildWorkflow({ client, name: 'Invoice OCR', active: true });

    await push(workflow, [run(workflow, 'success', { minutesAgo: 30 }), run(workflow, 'error', { minutesAgo: 5, message: 'Xero: invalid_grant' })]);
    await settled();
    expect(mailsAbout(workflow)).toEqual(['Workflow failing: Invoice OCR (Acme)']);
    const failing = smtp.received.find((m) => m.subject.startsWith('Workflow failing'))!;
    expect(failing.to).toEqual(['oncall@agency.example']);
    expect(failing.text).toContain('Xero: invalid_grant');
    const alert = (await Alert.findOne({ where: { workflowId: workflow.id, kind: 'error', resolvedAt: null } }))!;
    expect(alert.count).toBe(1);
    expect((await workflow.reload()).status).toBe('error');

    // two more errors inside the throttle window: no mail yet, a digest waits for the window to end
    await push(workflow, [run(workflow, 'error', { minutesAgo: 4, message: 'Xero: invalid_grant' }), run(workflow, 'crashed', { minutesAgo: 3 })]);
    await settled();
    expect(mailsAbout(workflow)).toHaveLength(1);
    expect((await alert.reload()).count).toBe(3);
    const [digestJob] = await getDb().query<{ start_after: Date }>(`SELECT start_after FROM pgboss.job WHERE name = 'alert-digest' AND data->>'alertId' = $1 AND state = 'created'`, { bind: [alert.id], type: QueryTypes.SELECT });
    expect(digestJob!.start_after.getTime()).toBeGreaterThanOrEqual(alert.lastNotifiedAt!.getTime() + 30 * 60_000 - 1000);

    // the window has passed: the digest job sends one mail with both errors, and only once
    const later = new Date(alert.lastNotifiedAt!.getTime() + 31 * 60_000);
    await sendErrorDigest({ alertId: alert.id, now: later });
    await sendErrorDigest({ alertId: alert.id, now: later });
    await settled();
    expect(mailsAbout(workflow)).toEqual(['Workflow failing: Invoice OCR (Acme)', 'Still failing: Invoice OCR (Acme) (2 more errors)']);

    await push(workflow, [run(workflow, 'success', { minutesAgo: 1 })]);
    await settled();
    expect(mailsAbout(workflow)).toEqual(['Workflow failing: Invoice OCR (Acme)', 'Still failing: Invoice OCR (Acme) (2 more errors)', 'Recovered: Invoice OCR (Acme)']);
    expect(smtp.received.find((m) => m.subject.startsWith('Recovered'))!.text).toContain('failed 3 times');
    expect((await alert.reload()).resolvedAt).not.toBeNull();
    expect((await workflow.reload()).status).toBe('active');
    const events = await WebhookDelivery.findAll({ where: { event: ['workflow.failing', 'workflow.recovered'] } });
    expect(events.filter((e) => (e.payload as { workflow: { id: string } }).workflow.id === workflow.id).map((e) => e.event).sort()).toEqual(['workflow.failing', 'workflow.recovered']);
  });

  it('opens a new alert for a new error after the recovery, but not for an old error arriving late', async () => {
    const workflow = await buildWorkflow({ instance: await buildInstance(), name: 'Stock sync', active: true });
    await push(workflow, [run(workflow, 'error', { minutesAgo: 20, message: 'timeout' })]);
    await settled();
    await push(workflow, [run(workflow, 'success', { minutesAgo: 10 })]);
    await settled();
    // an error from before the recovery, reconciled late
    await push(workflow, [run(workflow, 'error', { minutesAgo: 15, message: 'late' })]);
    await settled();
    expect(await Alert.count({ where: { workflowId: workflow.id } })).toBe(1);
    await push(workflow, [run(workflow, 'error', { minutesAgo: 0, message: 'again' })]);
    await settled();
    expect(await Alert.count({ where: { workflowId: workflow.id } })).toBe(2);
    expect(mailsAbout(workflow)).toEqual(['Workflow failing: Stock sync', 'Recovered: Stock sync', 'Workflow failing: Stock sync']);
  });

  it('does not alert on manual test runs or on old history', async () => {
    const workflow = await buildWorkflow({ instance: await buildInstance(), name: 'Quiet one', active: true });
    await push(workflow, [run(workflow, 'error', { mode: 'manual', message: 'testing in the editor' }), run(workflow, 'error', { minutesAgo: 3 * 24 * 60, message: 'long ago' })]);
    await settled();
    expect(await Alert.count({ where: { workflowId: workflow.id } })).toBe(0);
    expect(mailsAbout(workflow)).toEqual([]);
  });

  it('evaluates a workflow only when a failure arrives or a success may end an open alert', async () => {
    const workflow = await buildWorkflow({ client: await buildClient(), name: 'Quiet sync', active: true });
    await push(workflow, [run(workflow, 'success', { minutesAgo: 9 }), run(workflow, 'success', { minutesAgo: 8 }), run(workflow, 'running')]);
    await settled();
    expect(await alertChecksOf(workflow)).toBe(0);

    await push(workflow, [run(workflow, 'error', { minutesAgo: 7, message: 'timeout' })]);
    await settled();
    expect(await alertChecksOf(workflow)).toBe(1);
    expect(await Alert.count({ where: { workflowId: workflow.id, resolvedAt: null } })).toBe(1);

    // the success after it must be looked at: it resolves the alert
    await push(workflow, [run(workflow, 'success', { minutesAgo: 6 })]);
    await settled();
    expect(await alertChecksOf(workflow)).toBe(2);
    expect(await Alert.count({ where: { workflowId: workflow.id, resolvedAt: null } })).toBe(0);
  });
});
