import { QueryTypes } from 'sequelize';
import { getDb, PortalSettings, SyncRun } from '~/models/index.server';
import { applySchedules } from '~/services/job-schedules.server';
import { sealSecret } from '~/services/secrets.server';
import { queueScheduledSyncs, requestSync } from '~/services/sync-runs.server';
import { buildInstance } from './factories';
import { jobStates } from './helpers/jobs';
import { startJobs } from '~/jobs/index.server';
import { stopJobQueue } from '~/lib/jobs/boss.server';

const schedules = async () =>
  Object.fromEntries(
    (await getDb().query<{ name: string; cron: string; timezone: string }>('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name', { type: QueryTypes.SELECT })).map((s) => [s.name, `${s.cron} ${s.timezone}`]),
  );
const actor = { id: null, label: 'test' };

describe('the job queue', () => {
  it('is installed by migrate, with every queue and its dead-letter queue', async () => {
    const queues = await getDb().query<{ name: string; dead_letter: string | null; policy: string }>('SELECT name, dead_letter, policy FROM pgboss.queue ORDER BY name', { type: QueryTypes.SELECT });
    const byName = Object.fromEntries(queues.map((q) => [q.name, q]));
    for (const queue of ['email', 'webhook', 'reconcile', 'invoice-reminders', 'workflow-health', 'workflow-alerts', 'alert-digest']) {
      expect(byName[queue]).toMatchObject({ dead_letter: `${queue}-dead-letter` });
      expect(byName[`${queue}-dead-letter`]).toBeDefined();
    }
    expect(byName.reconcile!.policy).toBe('stately');
  });

  it('runs the schedules from portal_settings and applies them again when the settings change', async () => {
    await startJobs({ pollingIntervalSeconds: 0.5 });
    expect(await schedules()).toEqual({ 'invoice-reminders': '0 8 * * * UTC', reconcile: '*/15 * * * * UTC', 'workflow-health': '*/5 * * * * UTC' });

    await PortalSettings.update({ reconcileCron: '*/30 * * * *', healthCron: 'not a cron' }, { where: { id: 1 } });
    const applied = await applySchedules();
    expect(applied.find((a) => a.queue === 'workflow-health')!.error).toBeTruthy();
    // a bad cron keeps the previous schedule of its queue; the others change
    expect(await schedules()).toEqual({ 'invoice-reminders': '0 8 * * * UTC', reconcile: '*/30 * * * * UTC', 'workflow-health': '*/5 * * * * UTC' });
  });

  it('fans a scheduled reconcile out to one waiting job per active instance with an API key', async () => {
    // no workers: the jobs stay waiting
    await stopJobQueue();
    const key = sealSecret({ kind: 'instanceApiKey', plaintext: 'key' });
    const withKey = [await buildInstance({ apiKeyEncrypted: key }), await buildInstance({ apiKeyEncrypted: key })];
    await buildInstance();
    await buildInstance({ apiKeyEncrypted: key, isActive: false });
    await queueScheduledSyncs();
    await queueScheduledSyncs();
    const waiting = await getDb().query<{ key: string }>(`SELECT singleton_key AS key FROM pgboss.job WHERE name = 'reconcile' AND state = 'created' ORDER BY singleton_key`, { type: QueryTypes.SELECT });
    expect(waiting.map((r) => r.key)).toEqual(withKey.map((i) => i.id).sort());
  });

  it('answers "Sync now" twice with the same queued sync run', async () => {
    const instance = await buildInstance({ apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'key' }) });
    const [first, second] = await Promise.all([requestSync({ instanceId: instance.id, actor }), requestSync({ instanceId: instance.id, actor })]);
    expect(first.id).toBe(second.id);
    expect(first.status).toBe('queued');
    expect(await SyncRun.count({ where: { instanceId: instance.id } })).toBe(1);
    expect((await jobStates('reconcile')).created).toBeGreaterThanOrEqual(1);
  });
});
