import { callerFromSession } from '~/lib/caller.server';
import { getDb } from '~/models/index.server';
import * as migration from '../migrations/2026.11.26T00.00.00.client-daily-rollups';
import { Client, Workflow } from '~/models/index.server';
import { getExecutionStats } from '~/services/execution-stats.server';
import { rebuildAllRollups } from '~/services/rollups.server';
import { updateSettings } from '~/services/settings-changes.server';
import { updateWorkflow } from '~/services/workflow-updates.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { storedAndRecomputedClientRollups } from './helpers/rollup-check';
import { daysAgo, pushRuns } from './helpers/runs';

// execution_client_daily (the per-client sums the dashboards read) must equal the runs, whichever way
// execution_daily changes: ingest, a workflow moved, a new minutes-per-run, a deleted workflow or client,
// a rebuild after a counting setting changed.
async function expectClientRollupsExact() {
  const { stored, recomputed } = await storedAndRecomputedClientRollups();
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(recomputed);
}

async function world() {
  const instance = await buildInstance();
  const [acme, globex] = [await buildClient(), await buildClient()];
  const orders = await buildWorkflow({ instance, client: acme, minutesSavedPerRun: '2.50' });
  const invoices = await buildWorkflow({ instance, client: acme, minutesSavedPerRun: '1.00' });
  const leads = await buildWorkflow({ instance, client: globex, minutesSavedPerRun: '4.00' });
  const loose = await buildWorkflow({ instance, client: null, minutesSavedPerRun: '3.00' });
  for (const [workflow, days] of [[orders, [0, 1, 2]], [invoices, [0, 2]], [leads, [1, 2, 3]], [loose, [0, 3]]] as const) {
    for (const day of days) {
      await pushRuns({
        instance,
        workflow,
        runs: [
          { startedAt: daysAgo(day, 8), durationMs: 1000 },
          { startedAt: daysAgo(day, 9), status: 'error', durationMs: 300 },
          { startedAt: daysAgo(day, 10), durationMs: 700, mode: 'manual' },
        ],
      });
    }
  }
  const staff = callerFromSession({ user: await buildUser({ role: 'staff' }), client: null, ip: '127.0.0.1' });
  return { instance, acme, globex, orders, invoices, leads, loose, staff };
}

describe('per-client daily rollups', () => {
  it('add up to the per-workflow figures for each client, the unassigned workflows and everyone', async () => {
    const { acme, globex, staff } = await world();
    await expectClientRollupsExact();
    const stats = (client?: string) => getExecutionStats({ caller: staff, query: { days: 7, client } });
    // acme: orders on 3 days + invoices on 2, each day 1 success + 1 error (the manual run is not counted)
    expect(await stats(acme.id)).toMatchObject({ total: 10, success: 5, error: 5, minutesSaved: 3 * 2.5 + 2 * 1 });
    expect(await stats(globex.id)).toMatchObject({ total: 6, success: 3, minutesSaved: 12 });
    // everyone: the unassigned workflow's 2 days too
    expect(await stats()).toMatchObject({ total: 20, success: 10, error: 10, minutesSaved: 7.5 + 2 + 12 + 6 });
  });

  it('follow a workflow to another client, and a new minutes per run, backwards in time', async () => {
    const { acme, globex, orders, loose, staff } = await world();
    await updateWorkflow({ caller: staff, id: orders.id, input: { clientId: globex.id } });
    await updateWorkflow({ caller: staff, id: loose.id, input: { clientId: acme.id, minutesSavedPerRun: 10 } });
    await expectClientRollupsExact();
    const stats = (client?: string) => getExecutionStats({ caller: staff, query: { days: 7, client } });
    expect(await stats(acme.id)).toMatchObject({ total: 8, success: 4, minutesSaved: 2 * 1 + 2 * 10 });
    expect(await stats(globex.id)).toMatchObject({ total: 12, success: 6, minutesSaved: 12 + 3 * 2.5 });
  });

  it('drop the runs of a deleted workflow and move those of a deleted client to the unassigned', async () => {
    const { acme, globex, invoices, staff } = await world();
    // earlier tests of this file left their runs: compare everyone's figures before and after
    const everyone = () => getExecutionStats({ caller: staff, query: { days: 7 } });
    const before = await everyone();
    await Workflow.destroy({ where: { id: invoices.id } });
    await expectClientRollupsExact();
    expect(await getExecutionStats({ caller: staff, query: { days: 7, client: acme.id } })).toMatchObject({ total: 6, minutesSaved: 7.5 });
    const withoutInvoices = await everyone();
    expect([withoutInvoices.total, withoutInvoices.minutesSaved]).toEqual([before.total - 4, before.minutesSaved - 2]);

    await Client.destroy({ where: { id: globex.id } });
    await expectClientRollupsExact();
    // the deleted client's runs still count for everyone, as unassigned ones
    expect(await everyone()).toEqual(withoutInvoices);
  });

  it('are rebuilt with the runs when manual runs start to count', async () => {
    const { acme, staff } = await world();
    await updateSettings({ caller: staff, input: { countManualRuns: true } });
    const stats = await getExecutionStats({ caller: staff, query: { days: 7, client: acme.id } });
    expect(stats).toMatchObject({ total: 15, success: 10, minutesSaved: 2 * (3 * 2.5 + 2 * 1) });
    await rebuildAllRollups();
    expect(await getExecutionStats({ caller: staff, query: { days: 7, client: acme.id } })).toEqual(stats);
    await updateSettings({ caller: staff, input: { countManualRuns: false } });
    await expectClientRollupsExact();
  });

  it('are built from the existing rollups by the migration that adds them', async () => {
    const { acme, staff } = await world();
    const before = await getExecutionStats({ caller: staff, query: { days: 7, client: acme.id } });
    const context = getDb().getQueryInterface();
    await migration.down({ context, name: 'client-daily-rollups' });
    await migration.up({ context, name: 'client-daily-rollups' });
    await expectClientRollupsExact();
    expect(await getExecutionStats({ caller: staff, query: { days: 7, client: acme.id } })).toEqual(before);
  });
});
