import type { ExecutionReport } from '@monoliet/contract';
import { resetConfig } from '~/lib/config.server';
import { Alert, Email, PortalSettings, WebhookDelivery, WebhookSubscription, Workflow, type N8nInstance } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { sealSecret } from '~/services/secrets.server';
import { checkWorkflowHealth } from '~/services/workflow-health.server';
import { buildClient, buildInstance, buildWorkflow } from './factories';
import { isQueueIdle, startTestJobs } from './helpers/jobs';
import { startSmtpServer } from './helpers/smtp';
import { waitFor } from './helpers/wait';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let instance: N8nInstance;

beforeAll(async () => {
  await PortalSettings.update({ alertRecipients: ['ops@agency.example'], healthMinRuns: 5, healthSuccessRateThreshold: 80, healthStuckMinutes: 60, healthNoRunsDays: 7 }, { where: { id: 1 } });
  await WebhookSubscription.create({ targetUrl: 'https://hooks.invalid/health', events: ['workflow.failing', 'workflow.recovered'], secretEncrypted: sealSecret({ kind: 'webhookSecret', plaintext: 'whsec_health_0123456789' }), clientId: null, createdById: null });
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetConfig();
  instance = await buildInstance();
  await startTestJobs();
});

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  resetConfig();
});

let executionId = 5000;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
function runs(workflow: Workflow, statuses: ExecutionReport['status'][], { minutesAgo = 30 }: { minutesAgo?: number } = {}): ExecutionReport[] {
  return statuses.map((status, i) => ({ executionId: String(++executionId), workflowId: workflow.n8nWorkflowId, status, mode: 'trigger', startedAt: ago(minutesAgo + i) }));
}
const push = (reports: ExecutionReport[]) => recordRuns({ instanceId: instance.id, source: 'backfill', reports });
const mailsSettled = () => waitFor(async () => (await isQueueIdle('email')) && (await Email.count({ where: { status: 'queued' } })) === 0, { what: 'the mails' });
const digests = () => smtp.received.filter((m) => m.subject.startsWith('Workflow health'));
const openKinds = async (workflow: Workflow) => (await Alert.findAll({ where: { workflowId: workflow.id, resolvedAt: null } })).map((a) => a.kind).sort();

describe('workflow health', () => {
  it('opens one alert per cause, notifies once in a digest, and resolves with a recovery notice', async () => {
    const client = await buildClient({ companyName: 'Helios' });
    const flaky = await buildWorkflow({ instance, client, name: 'Forecast import', active: true });
    const stuck = await buildWorkflow({ instance, name: 'Long export', active: true });
    const late = await buildWorkflow({ instance, name: 'Hourly sync', active: true, expectedIntervalMinutes: 60 });
    const silent = await buildWorkflow({ instance, name: 'Weekly report', active: true, createdAt: new Date(Date.now() - 10 * 86_400_000) });
    const fine = await buildWorkflow({ instance, name: 'Healthy', active: true, expectedIntervalMinutes: 60 });
    await push([
      ...runs(flaky, ['success', 'error', 'error', 'success', 'crashed', 'success', 'error']),
      ...runs(stuck, ['running'], { minutesAgo: 180 }),
      ...runs(stuck, ['success'], { minutesAgo: 10 }),
      ...runs(late, ['success'], { minutesAgo: 200 }),
      ...runs(fine, ['success', 'success', 'success', 'success', 'success'], { minutesAgo: 20 }),
    ]);

    const first = await checkWorkflowHealth();
    expect(first).toEqual({ opened: 4, resolved: 0, open: 4 });
    expect(await openKinds(flaky)).toEqual(['failure_rate']);
    expect(await openKinds(stuck)).toEqual(['stuck']);
    expect(await openKinds(late)).toEqual(['missed']);
    expect(await openKinds(silent)).toEqual(['no_runs']);
    expect(await openKinds(fine)).toEqual([]);
    expect((await Workflow.findAll({ where: { id: [flaky.id, stuck.id, late.id, silent.id, fine.id] }, order: [['name', 'ASC']] })).map((w) => `${w.name}: ${w.status}`)).toEqual([
      'Forecast import: error',
      'Healthy: active',
      'Hourly sync: error',
      'Long export: error',
      'Weekly report: error',
    ]);
    const alert = (await Alert.findOne({ where: { workflowId: flaky.id, kind: 'failure_rate' } }))!;
    expect(alert.message).toBe('Success rate 42.9% over the last 24 h (3 of 7 runs); the threshold is 80%');

    // running it again changes nothing and mails nothing
    expect(await checkWorkflowHealth()).toEqual({ opened: 0, resolved: 0, open: 4 });
    await mailsSettled();
    expect(digests().map((m) => m.subject)).toEqual(['Workflow health: 4 new problems']);
    expect(digests()[0]!.to).toEqual(['ops@agency.example']);
    expect(digests()[0]!.text).toContain('- Forecast import (Helios): Success rate 42.9%');
    expect(await WebhookDelivery.count({ where: { event: 'workflow.failing' } })).toBe(4);

    // three of them get better
    await push([...runs(flaky, Array(20).fill('success'), { minutesAgo: 1 }), ...runs(late, ['success'], { minutesAgo: 0 })]);
    // the stuck run finishes after all
    const stuckAlert = await Alert.findOne({ where: { workflowId: stuck.id, kind: 'stuck' } });
    const [stuckExecution] = stuckAlert!.details.executionIds as string[];
    await push([{ executionId: stuckExecution!, workflowId: stuck.n8nWorkflowId, status: 'success', mode: 'trigger', startedAt: ago(180), stoppedAt: ago(100) }]);

    expect(await checkWorkflowHealth()).toEqual({ opened: 0, resolved: 3, open: 1 });
    await mailsSettled();
    expect(digests().map((m) => m.subject)).toEqual(['Workflow health: 4 new problems', 'Workflow health: 3 resolved']);
    expect(digests()[1]!.text).toContain('1 health alert is open now.');
    expect((await Workflow.findAll({ where: { id: [flaky.id, stuck.id, late.id] } })).map((w) => w.status)).toEqual(['active', 'active', 'active']);
    expect((await silent.reload()).status).toBe('error');
    expect(await WebhookDelivery.count({ where: { event: 'workflow.recovered' } })).toBe(3);
  });

  it('opens a single alert and sends a single digest when two checks run at once', async () => {
    const workflow = await buildWorkflow({ instance, name: 'Twice checked', active: true, expectedIntervalMinutes: 10 });
    await push(runs(workflow, ['success'], { minutesAgo: 60 }));
    const before = digests().length;
    const results = await Promise.all([checkWorkflowHealth(), checkWorkflowHealth()]);
    expect(results.reduce((sum, r) => sum + r.opened, 0)).toBe(1);
    expect(await Alert.count({ where: { workflowId: workflow.id } })).toBe(1);
    await mailsSettled();
    expect(digests().length - before).toBe(1);
  });
});
