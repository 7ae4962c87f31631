import { QueryTypes } from 'sequelize';
import { startJobs, stopJobs } from '~/jobs/index.server';
import { callerFromSession } from '~/lib/caller.server';
import { AuditLogEntry, getDb } from '~/models/index.server';
import { updateSettings } from '~/services/settings-changes.server';
import { buildUser } from './factories';

const schedules = async () =>
  Object.fromEntries((await getDb().query<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule ORDER BY name', { type: QueryTypes.SELECT })).map((s) => [s.name, s.cron]));

describe('changing the schedules in the settings', () => {
  beforeAll(async () => {
    await startJobs({ pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await stopJobs();
  });

  it('applies a changed cron to pg-boss once the change is committed', async () => {
    expect(await schedules()).toMatchObject({ reconcile: '*/15 * * * *', 'invoice-reminders': '0 8 * * *' });
    const caller = callerFromSession({ user: await buildUser({ role: 'staff' }), client: null });
    await updateSettings({ caller, input: { reconcileCron: '*/10 * * * *', remindersCron: '30 7 * * 1-5' } });
    expect(await schedules()).toEqual({ reconcile: '*/10 * * * *', 'invoice-reminders': '30 7 * * 1-5', 'workflow-health': '*/5 * * * *' });
    const audit = await AuditLogEntry.findOne({ where: { action: 'settings.update' } });
    expect(audit?.metadata).toEqual({ changes: { reconcileCron: { from: '*/15 * * * *', to: '*/10 * * * *' }, remindersCron: { from: '0 8 * * *', to: '30 7 * * 1-5' } } });
  });

  it('leaves the schedules alone when a change is refused', async () => {
    const caller = callerFromSession({ user: await buildUser({ role: 'staff' }), client: null });
    const before = await schedules();
    // the table's CHECK refuses the prefix, so the transaction rolls back with the cron change in it
    await expect(updateSettings({ caller, input: { healthCron: '*/7 * * * *', invoicePrefix: 'lower-case' } })).rejects.toThrow();
    expect(await schedules()).toEqual(before);
  });
});
