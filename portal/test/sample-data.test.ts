import { QueryTypes } from 'sequelize';
import { Client, getDb, Invoice, SupportTicket, User, Workflow } from '~/models/index.server';
import { DEMO_CLIENT, DEMO_STAFF } from '~/services/sample-data/catalog';
import { loadSampleData } from '~/services/sample-data/load.server';
import { authenticate } from '~/services/users.server';
import { storedAndRecomputedClientRollups, storedAndRecomputedRollups } from './helpers/rollup-check';

describe('sample data', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('loads a realistic agency once, and a second run changes nothing', async () => {
    const first = await loadSampleData({ now });
    expect(first.created).toBe(true);
    expect(await Client.count()).toBeGreaterThanOrEqual(5);
    expect(await User.count({ where: { role: 'client' } })).toBeGreaterThanOrEqual(5);
    expect(await Workflow.count()).toBeGreaterThanOrEqual(30);
    expect(await Workflow.count({ where: { clientId: null } })).toBeGreaterThan(0);
    const invoiceStatuses = (await Invoice.findAll()).map((i) => i.status);
    expect(new Set(invoiceStatuses)).toEqual(new Set(['pending', 'paid', 'overdue', 'void']));
    expect(await SupportTicket.count()).toBeGreaterThanOrEqual(5);

    const [span] = await getDb().query<{ days: number; failures: number }>(
      `SELECT (max(started_at)::date - min(started_at)::date) AS days, count(*) FILTER (WHERE status = 'error' AND error_message <> '') AS failures FROM execution_runs`,
      { type: QueryTypes.SELECT },
    );
    expect(span!.days).toBeGreaterThanOrEqual(89);
    expect(Number(span!.failures)).toBeGreaterThan(100);
    const instanceId = (await Workflow.findOne())!.instanceId;
    const { stored, recomputed } = await storedAndRecomputedRollups({ instanceId });
    expect(stored).toEqual(recomputed);
    const perClient = await storedAndRecomputedClientRollups();
    expect(perClient.stored.length).toBeGreaterThan(89);
    expect(perClient.stored).toEqual(perClient.recomputed);

    expect(await authenticate({ email: DEMO_STAFF.email, password: DEMO_STAFF.password })).toMatchObject({ role: 'staff' });
    expect(await authenticate({ email: DEMO_CLIENT.email, password: DEMO_CLIENT.password })).toMatchObject({ role: 'client' });

    const again = await loadSampleData({ now });
    expect(again.created).toBe(false);
    expect(await Workflow.count()).toBe(first.workflows);
  });
});
