import type { ExecutionReport } from '@monoliet/contract';
import { Alert, Email, PortalSettings, type N8nInstance, type Workflow } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { buildClient, buildInstance, buildWorkflow } from './factories';
import { runCli } from './helpers/cli';

// `check-workflow-health` run the way an operator runs it (a child process), on workflows whose problems
// this file builds. Not on the demo data: its runs are generated relative to the time it is loaded (busier
// in office hours, failing lately), so which problems it has depends on when the test runs.

const LATER = 'The portal sends the queued mails and webhooks (or run `npm run cli -- run-jobs --until-idle`).';
const DAY = 86_400_000;

let instance: N8nInstance;
let executionId = 0;
beforeAll(async () => {
  await PortalSettings.update(
    { alertRecipients: ['ops@agency.example'], healthMinRuns: 5, healthSuccessRateThreshold: 80, healthWindowHours: 24, healthStuckMinutes: 60, healthNoRunsDays: 7, countManualRuns: false },
    { where: { id: 1 } },
  );
  instance = await buildInstance();
});

// The margins (hours against a limit of one) keep the outcome the same however slowly the CLI starts.
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
function runsOf(workflow: Workflow, statuses: ExecutionReport['status'][], { startedMinutesAgo }: { startedMinutesAgo: number }): ExecutionReport[] {
  return statuses.map((status, i) => ({ executionId: String(++executionId), workflowId: workflow.n8nWorkflowId, status, mode: 'trigger', startedAt: minutesAgo(startedMinutesAgo + i) }));
}
const push = (reports: ExecutionReport[]) => recordRuns({ instanceId: instance.id, source: 'push', reports });

async function openAlerts() {
  const alerts = await Alert.findAll({ where: { resolvedAt: null }, include: [{ association: 'workflow', attributes: ['name'] }] });
  return alerts.map((a) => `${a.workflow!.name}: ${a.kind}`).sort();
}
const digests = () => Email.findAll({ where: { template: 'health-digest' }, order: [['createdAt', 'ASC']] });

describe('check-workflow-health', () => {
  it('opens one alert per workflow and cause, nothing on a second run, and resolves what got better', async () => {
    const client = await buildClient({ companyName: 'Helios' });
    const flaky = await buildWorkflow({ instance, client, name: 'Forecast import', active: true });
    const stuck = await buildWorkflow({ instance, name: 'Long export', active: true });
    const late = await buildWorkflow({ instance, name: 'Hourly sync', active: true, expectedIntervalMinutes: 60 });
    const silent = await buildWorkflow({ instance, name: 'Weekly report', active: true, createdAt: new Date(Date.now() - 10 * DAY) });
    // hourly, but created a moment ago: not late yet
    await buildWorkflow({ instance, name: 'Just created', active: true, expectedIntervalMinutes: 60 });
    // not published in n8n: a quiet schedule is no problem
    await buildWorkflow({ instance, name: 'Switched off', active: false, expectedIntervalMinutes: 60, createdAt: new Date(Date.now() - 30 * DAY) });
    // archived: not checked at all
    const archived = await buildWorkflow({ instance, name: 'Archived', active: true, archivedAt: new Date(), createdAt: new Date(Date.now() - 30 * DAY) });
    const healthy = await buildWorkflow({ instance, name: 'Healthy', active: true, expectedIntervalMinutes: 60 });
    const stuckRun = runsOf(stuck, ['running'], { startedMinutesAgo: 180 })[0]!;
    const lateRun = runsOf(late, ['success'], { startedMinutesAgo: 240 })[0]!;
    await push([
      // 3 of 7 succeeded: 42.9% against a threshold of 80%
      ...runsOf(flaky, ['success', 'error', 'error', 'success', 'crashed', 'success', 'error'], { startedMinutesAgo: 30 }),
      stuckRun,
      ...runsOf(stuck, ['success'], { startedMinutesAgo: 10 }),
      lateRun,
      ...runsOf(healthy, ['success', 'success', 'success', 'success', 'success'], { startedMinutesAgo: 20 }),
      ...runsOf(archived, ['running', 'error', 'error', 'error', 'error', 'error'], { startedMinutesAgo: 300 }),
    ]);

    const first = await runCli(['check-workflow-health']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`Health check: 4 alerts opened, 0 resolved, 4 open.\n${LATER}\n`);
    expect(await openAlerts()).toEqual(['Forecast import: failure_rate', 'Hourly sync: missed', 'Long export: stuck', 'Weekly report: no_runs']);
    const alertOf = async (workflow: Workflow) => (await Alert.findOne({ where: { workflowId: workflow.id, resolvedAt: null } }))!;
    expect((await alertOf(flaky)).message).toBe('Success rate 42.9% over the last 24 h (3 of 7 runs); the threshold is 80%');
    expect((await alertOf(stuck)).details).toEqual({ executionIds: [stuckRun.executionId], since: stuckRun.startedAt });
    expect((await alertOf(late)).details).toEqual({ lastRunAt: lateRun.startedAt, expectedIntervalMinutes: 60 });
    expect((await alertOf(silent)).details).toEqual({ lastRunAt: null, days: 7 });
    const firstIds = (await Alert.findAll({ where: { resolvedAt: null } })).map((a) => a.id).sort();
    // staff get one digest of the four
    expect((await digests()).map((m) => [m.subject, m.toAddresses])).toEqual([['Workflow health: 4 new problems', ['ops@agency.example']]]);

    // nothing changed: nothing opened, nothing resolved, nothing mailed
    const second = await runCli(['check-workflow-health']);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toBe('Health check: 0 alerts opened, 0 resolved, 4 open.\n');
    expect((await Alert.findAll({ where: { resolvedAt: null } })).map((a) => a.id).sort()).toEqual(firstIds);
    expect(await Alert.count()).toBe(4);
    expect(await digests()).toHaveLength(1);

    // the schedule runs again and the stuck run finishes
    await push([...runsOf(late, ['success'], { startedMinutesAgo: 0 }), { ...stuckRun, status: 'success', stoppedAt: minutesAgo(100) }]);
    const third = await runCli(['check-workflow-health']);
    expect(third).toMatchObject({ code: 0, stderr: '' });
    expect(third.stdout).toBe(`Health check: 0 alerts opened, 2 resolved, 2 open.\n${LATER}\n`);
    expect(await openAlerts()).toEqual(['Forecast import: failure_rate', 'Weekly report: no_runs']);
    expect((await digests()).map((m) => m.subject)).toEqual(['Workflow health: 4 new problems', 'Workflow health: 2 resolved']);
  });
});
