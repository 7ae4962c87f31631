import type { ExecutionReport } from '@monoliet/contract';
import { ExecutionRun, PortalSettings, Workflow } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { seededRandom } from '~/services/sample-data/runs';
import { buildInstance } from './factories';
import { storedAndRecomputedClientRollups, storedAndRecomputedRollups } from './helpers/rollup-check';

const at = (iso: string) => new Date(iso).toISOString();

describe('recordRuns', () => {
  it('creates unknown workflows unassigned and counts new runs', async () => {
    const instance = await buildInstance();
    const result = await recordRuns({
      instanceId: instance.id,
      source: 'push',
      reports: [
        { executionId: '1', workflowId: 'wfA', workflowName: 'Orders sync', status: 'success', startedAt: at('2026-05-01T10:00:00Z'), stoppedAt: at('2026-05-01T10:00:02Z'), mode: 'trigger' },
        { executionId: '2', workflowId: 'wfA', status: 'error', startedAt: at('2026-05-01T11:00:00Z'), errorMessage: 'boom', errorNode: 'HTTP Request' },
      ],
    });
    expect(result).toEqual({ accepted: 2, created: 2, updated: 0, unchanged: 0 });
    const workflow = await Workflow.findOne({ where: { instanceId: instance.id, n8nWorkflowId: 'wfA' } });
    expect(workflow).toMatchObject({ name: 'Orders sync', clientId: null });
    const run = await ExecutionRun.findOne({ where: { n8nExecutionId: '1' } });
    expect(run).toMatchObject({ durationMs: 2000, source: 'push', mode: 'trigger' });
  });

  it('renames a known workflow reported under a new name, and recreates one deleted since the last push', async () => {
    const instance = await buildInstance();
    const push = (executionId: string, workflowName?: string) =>
      recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId, workflowId: 'wfR', workflowName, status: 'success', startedAt: at('2026-05-01T10:00:00Z') }] });
    await push('1', 'Invoices');
    await push('2', 'Invoices v2');
    expect((await Workflow.findAll({ where: { instanceId: instance.id } })).map((w) => w.name)).toEqual(['Invoices v2']);
    // a push without a name keeps the stored one
    await push('3');
    const [workflow] = await Workflow.findAll({ where: { instanceId: instance.id } });
    expect(workflow!.name).toBe('Invoices v2');

    await workflow!.destroy();
    expect(await push('4', 'Invoices v2')).toEqual({ accepted: 1, created: 1, updated: 0, unchanged: 0 });
    const recreated = await Workflow.findAll({ where: { instanceId: instance.id } });
    expect(recreated.map((w) => [w.name, w.clientId])).toEqual([['Invoices v2', null]]);
    expect(recreated[0]!.id).not.toBe(workflow!.id);
    expect((await ExecutionRun.findAll({ where: { instanceId: instance.id } })).map((r) => [r.n8nExecutionId, r.workflowId])).toEqual([['4', recreated[0]!.id]]);
    const { stored, recomputed } = await storedAndRecomputedRollups({ instanceId: instance.id });
    expect(stored).toEqual(recomputed);
  });

  it('counts a re-sent execution once and reports it unchanged', async () => {
    const instance = await buildInstance();
    const report: ExecutionReport = { executionId: '9', workflowId: 'wf', status: 'success', startedAt: at('2026-05-02T08:00:00Z'), durationMs: 500 };
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [report] });
    expect(await recordRuns({ instanceId: instance.id, source: 'push', reports: [report] })).toEqual({ accepted: 1, created: 0, updated: 0, unchanged: 1 });
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(1);
  });

  it('accepts the same execution twice in one batch, keeping the most final status', async () => {
    const instance = await buildInstance();
    const base = { executionId: '5', workflowId: 'wf', startedAt: at('2026-05-03T08:00:00Z') };
    const result = await recordRuns({
      instanceId: instance.id,
      source: 'push',
      reports: [{ ...base, status: 'success', durationMs: 900 }, { ...base, status: 'running' }],
    });
    expect(result).toEqual({ accepted: 2, created: 1, updated: 0, unchanged: 0 });
    expect((await ExecutionRun.findOne({ where: { n8nExecutionId: '5' } }))!.status).toBe('success');
  });

  it('moves a running run to its final status but never back', async () => {
    const instance = await buildInstance();
    const base = { executionId: '77', workflowId: 'wf', startedAt: at('2026-05-04T08:00:00Z') };
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ ...base, status: 'running' }] });
    expect(await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ ...base, status: 'error', errorMessage: 'Timeout' }] })).toMatchObject({ updated: 1 });
    expect(await recordRuns({ instanceId: instance.id, source: 'backfill', reports: [{ ...base, status: 'running' }] })).toMatchObject({ unchanged: 1 });
    expect(await ExecutionRun.findOne({ where: { n8nExecutionId: '77' } })).toMatchObject({ status: 'error', errorMessage: 'Timeout' });
  });

  it("keeps a pushed error message when n8n's own record (without one) confirms the run", async () => {
    const instance = await buildInstance();
    const base = { executionId: '31', workflowId: 'wf', status: 'error' as const, startedAt: at('2026-05-05T08:00:00Z') };
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ ...base, errorMessage: 'Rate limit', errorNode: 'Slack' }] });
    await recordRuns({ instanceId: instance.id, source: 'backfill', reports: [{ ...base, startedAt: at('2026-05-05T07:59:59Z'), stoppedAt: at('2026-05-05T08:00:03Z'), mode: 'webhook' }] });
    expect(await ExecutionRun.findOne({ where: { n8nExecutionId: '31' } })).toMatchObject({
      errorMessage: 'Rate limit',
      errorNode: 'Slack',
      source: 'backfill',
      mode: 'webhook',
      durationMs: 4000,
      startedAt: new Date('2026-05-05T07:59:59Z'),
    });
  });

  it('stores text exactly as reported (quotes, backslashes, braces, "NULL", newlines, emoji)', async () => {
    const instance = await buildInstance();
    const errorMessage = 'Said "no" \\ {a,b} NULL\nline two\ttab 😀 é';
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: '50', workflowId: 'wf', status: 'error', startedAt: at('2026-05-06T08:00:00Z'), errorMessage, errorNode: 'Node "A", NULL', mode: 'NULL' }] });
    expect(await ExecutionRun.findOne({ where: { n8nExecutionId: '50' } })).toMatchObject({ errorMessage, errorNode: 'Node "A", NULL', mode: 'NULL' });
  });

  it("stores a lone surrogate in n8n's own data as U+FFFD instead of failing the page", async () => {
    const instance = await buildInstance();
    const result = await recordRuns({ instanceId: instance.id, source: 'backfill', reports: [{ executionId: '51', workflowId: 'wf', status: 'success', startedAt: at('2026-05-06T09:00:00Z'), mode: 'trig\ud800ger' }] });
    expect(result.created).toBe(1);
    expect(await ExecutionRun.findOne({ where: { n8nExecutionId: '51' } })).toMatchObject({ mode: 'trig\ufffdger' });
  });

  it('counts a run on its UTC day whatever the offset it was reported with', async () => {
    const instance = await buildInstance();
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ executionId: '41', workflowId: 'wf', status: 'success', startedAt: '2026-05-01T23:30:00-02:00' }] });
    const { stored, recomputed } = await storedAndRecomputedRollups({ instanceId: instance.id });
    expect(stored).toEqual(recomputed);
    expect(stored.map((r) => r.day)).toEqual(['2026-05-02']);
  });

  it('moves the rollup when n8n corrects the start time across midnight', async () => {
    const instance = await buildInstance();
    const base = { executionId: '40', workflowId: 'wf', status: 'success' as const };
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [{ ...base, startedAt: at('2026-05-07T00:00:01Z') }] });
    await recordRuns({ instanceId: instance.id, source: 'backfill', reports: [{ ...base, startedAt: at('2026-05-06T23:59:58Z') }] });
    const { stored, recomputed } = await storedAndRecomputedRollups({ instanceId: instance.id });
    expect(stored).toEqual(recomputed);
    expect(stored.map((r) => r.day)).toEqual(['2026-05-06']);
    // the per-client rows (of every test's runs so far) too: the day the run left lost it, the new day has it
    const clients = await storedAndRecomputedClientRollups();
    expect(clients.stored).toEqual(clients.recomputed);
  });

  it('leaves manual (editor) runs out of the rollups by default', async () => {
    const instance = await buildInstance();
    await recordRuns({
      instanceId: instance.id,
      source: 'push',
      reports: [
        { executionId: '1', workflowId: 'wf', status: 'success', mode: 'manual', startedAt: at('2026-05-08T08:00:00Z') },
        { executionId: '2', workflowId: 'wf', status: 'success', mode: 'trigger', startedAt: at('2026-05-08T09:00:00Z') },
      ],
    });
    const { stored } = await storedAndRecomputedRollups({ instanceId: instance.id });
    expect(stored).toMatchObject([{ day: '2026-05-08', total: 1, success: 1 }]);
  });

  it('adds new manual runs to the rollups once the settings count them, and keeps no empty row for a day of only uncounted runs', async () => {
    const instance = await buildInstance();
    const manual = (executionId: string, startedAt: string) => ({ executionId, workflowId: 'wf', status: 'success' as const, mode: 'manual', startedAt: at(startedAt) });
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [manual('1', '2026-05-09T08:00:00Z')] });
    expect((await storedAndRecomputedRollups({ instanceId: instance.id })).stored).toEqual([]);

    await PortalSettings.update({ countManualRuns: true }, { where: { id: 1 } });
    await recordRuns({ instanceId: instance.id, source: 'push', reports: [manual('2', '2026-05-10T08:00:00Z'), { ...manual('3', '2026-05-10T09:00:00Z'), mode: 'webhook', status: 'error' }] });
    expect((await storedAndRecomputedRollups({ instanceId: instance.id })).stored).toMatchObject([{ day: '2026-05-10', total: 2, success: 1, error: 1 }]);
  });

  it('keeps rollups exact under 8 concurrent writers with duplicates, reordering and status changes', async () => {
    const instance = await buildInstance();
    const random = seededRandom(1234);
    const finals = ['success', 'success', 'success', 'error', 'crashed', 'canceled'] as const;
    const executions = Array.from({ length: 1500 }, (_, i) => ({
      executionId: String(10_000 + i),
      workflowId: `wf-${i % 7}`,
      // three days, many runs close to midnight so that days are touched by many writers
      startedAt: new Date(Date.UTC(2026, 5, 1 + (i % 3), 23, 55) + Math.floor(random() * 10 * 60_000)).toISOString(),
      final: finals[Math.floor(random() * finals.length)]!,
      durationMs: Math.floor(random() * 5000),
    }));
    // each execution has a home writer (so writers mostly meet only on the rollup rows); some duplicates
    // go to another writer, and every writer sends its reports in a shuffled order
    const writers: ExecutionReport[][] = Array.from({ length: 8 }, () => []);
    executions.forEach((e, i) => {
      const base = { executionId: e.executionId, workflowId: e.workflowId, workflowName: `Workflow ${e.workflowId}`, startedAt: e.startedAt };
      const home = writers[i % 8]!;
      home.push({ ...base, status: 'running' }, { ...base, status: e.final, durationMs: e.durationMs });
      if (random() < 0.2) home.push({ ...base, status: 'waiting' });
      if (random() < 0.3) writers[Math.floor(random() * 8)]!.push({ ...base, status: e.final, durationMs: e.durationMs });
    });
    for (const reports of writers) {
      for (let i = reports.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [reports[i], reports[j]] = [reports[j]!, reports[i]!];
      }
    }
    const results = await Promise.all(
      writers.map(async (mine) => {
        const counts = { created: 0 };
        for (let i = 0; i < mine.length; i += 25) {
          const result = await recordRuns({ instanceId: instance.id, source: i % 100 === 0 ? 'backfill' : 'push', reports: mine.slice(i, i + 25) });
          counts.created += result.created;
        }
        return counts;
      }),
    );

    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(executions.length);
    const runs = await ExecutionRun.findAll({ where: { instanceId: instance.id }, attributes: ['n8nExecutionId', 'status'] });
    const byId = new Map(runs.map((r) => [r.n8nExecutionId, r.status]));
    expect(byId.size).toBe(executions.length);
    expect(executions.filter((e) => byId.get(e.executionId) !== e.final)).toEqual([]);
    const { stored, recomputed } = await storedAndRecomputedRollups({ instanceId: instance.id });
    const keys = new Set(executions.map((e) => `${e.workflowId}|${e.startedAt.slice(0, 10)}`));
    expect(stored.length).toBe(keys.size);
    expect(stored).toEqual(recomputed);
    // the per-client rows of these days (only this test's runs are in June; an earlier test counts manual runs)
    const clients = await storedAndRecomputedClientRollups();
    const june = (rows: { day: string }[]) => rows.filter((row) => row.day.startsWith('2026-06'));
    expect(june(clients.stored).length).toBeGreaterThan(0);
    expect(june(clients.stored)).toEqual(june(clients.recomputed));
  });
});
