import { AuditLogEntry, ExecutionDaily, getDb, PortalSettings, type User } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let staff: User;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  portal = await startPortal();
  staff = await buildUser({ role: 'staff', email: 'settings-admin@agency.example' });
  api = apiClient(portal.url, await tokenFor(staff));
});
afterAll(async () => {
  await portal?.stop();
});

describe('settings API', () => {
  it('reads the singleton and changes only the fields sent, auditing each change', async () => {
    const before = await api('GET', '/settings');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ companyName: 'Monoliet', invoicePrefix: 'INV', reconcileCron: '*/15 * * * *', countManualRuns: false });

    const changed = await api('PATCH', '/settings', {
      companyName: 'Pied Piper Automation',
      alertRecipients: ['ops@piedpiper.example', 'richard@piedpiper.example'],
      brandColor: '#0E7490',
      healthCron: '  */10   *  * * MON-FRI ',
      paymentTermsDays: 30,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ companyName: 'Pied Piper Automation', brandColor: '#0E7490', healthCron: '*/10 * * * MON-FRI', paymentTermsDays: 30, invoicePrefix: 'INV' });
    expect((await PortalSettings.findByPk(1))!.alertRecipients).toEqual(['ops@piedpiper.example', 'richard@piedpiper.example']);

    const entry = await AuditLogEntry.findOne({ where: { action: 'settings.update' }, order: [['at', 'DESC']] });
    expect(entry?.actorId).toBe(staff.id);
    expect(entry?.metadata).toEqual({
      changes: {
        companyName: { from: 'Monoliet', to: 'Pied Piper Automation' },
        alertRecipients: { from: [], to: ['ops@piedpiper.example', 'richard@piedpiper.example'] },
        brandColor: { from: '#4f46e5', to: '#0E7490' },
        healthCron: { from: '*/5 * * * *', to: '*/10 * * * MON-FRI' },
        paymentTermsDays: { from: 14, to: 30 },
      },
    });
    // the sign-in page shows the new name
    expect(await (await fetch(`${portal.url}/login`)).text()).toContain('Pied Piper Automation');
  });

  it('refuses invalid values with details per field and changes nothing', async () => {
    const before = (await PortalSettings.findByPk(1))!.toJSON();
    const result = await api('PATCH', '/settings', {
      reconcileCron: '*/15 * * *',
      remindersCron: '0 25 * * *',
      brandColor: 'red',
      invoicePrefix: 'inv-',
      alertRecipients: ['not-an-email'],
      logoUrl: 'javascript:alert(1)',
      healthSuccessRateThreshold: 101,
      companyName: 'Still valid',
    });
    expect(result.status).toBe(400);
    expect(Object.keys(result.body.error.details).sort()).toEqual(['alertRecipients.0', 'brandColor', 'healthSuccessRateThreshold', 'invoicePrefix', 'logoUrl', 'reconcileCron', 'remindersCron']);
    expect(result.body.error.details.reconcileCron[0]).toContain('5 fields');
    expect(result.body.error.details.remindersCron[0]).toContain('hour');
    expect((await PortalSettings.findByPk(1))!.toJSON()).toEqual(before);
    expect((await api('PATCH', '/settings', {})).status).toBe(400);
  });

  it('rebuilds the daily statistics when manual runs start or stop counting', async () => {
    const workflow = await buildWorkflow({ instance: await buildInstance(), client: await buildClient() });
    const startedAt = '2026-11-20T10:00:00.000Z';
    const run = (id: string, mode: string) => ({ executionId: id, workflowId: workflow.n8nWorkflowId, status: 'success' as const, mode, startedAt });
    await recordRuns({ instanceId: workflow.instanceId, reports: [run('1', 'trigger'), run('2', 'manual'), run('3', 'manual')], source: 'push' });
    const total = async () => (await ExecutionDaily.findOne({ where: { workflowId: workflow.id } }))?.total;
    expect(await total()).toBe(1);
    expect((await api('PATCH', '/settings', { countManualRuns: true })).body.countManualRuns).toBe(true);
    expect(await total()).toBe(3);
    await api('PATCH', '/settings', { countManualRuns: false });
    expect(await total()).toBe(1);
  });

  it('is for staff only', async () => {
    const client = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await client('GET', '/settings')).status).toBe(403);
    expect((await client('PATCH', '/settings', { companyName: 'Hijacked' })).status).toBe(403);
  });
});

describe('audit log API', () => {
  it('filters by actor, action prefix, client, target and time, newest first, in keyset pages', async () => {
    const client = await buildClient();
    const other = await buildUser({ role: 'staff' });
    const created = await api('POST', '/users', { email: 'audited@example.com', role: 'client', clientId: client.id });
    await api('PATCH', `/users/${created.body.id}`, { name: 'Audited' });
    await apiClient(portal.url, await tokenFor(other))('PATCH', `/users/${created.body.id}`, { name: 'Audited again' });

    const ofUser = await api('GET', `/audit-log?targetType=user&targetId=${created.body.id}`);
    expect(ofUser.body.data.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['user.update', other.id],
      ['user.update', staff.id],
      ['user.create', staff.id],
    ]);
    const byActor = await api('GET', `/audit-log?actor=${other.id}`);
    expect(byActor.body.data.map((e: { action: string }) => e.action)).toEqual(['user.update']);
    const byPrefix = await api('GET', `/audit-log?action=user.&client=${client.id}`);
    expect(byPrefix.body.data).toHaveLength(3);
    expect((await api('GET', '/audit-log?action=user.cre')).body.data.every((e: { action: string }) => e.action.startsWith('user.cre'))).toBe(true);
    const future = await api('GET', `/audit-log?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.data).toEqual([]);
    const badRange = await api('GET', '/audit-log?since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z');
    expect(badRange.status).toBe(400);
    expect((await api('GET', '/audit-log?action=DROP%20TABLE')).status).toBe(400);
  });

  it('pages through entries written within the same millisecond without skipping any', async () => {
    // PostgreSQL keeps microseconds; a cursor with only milliseconds would skip rows between pages
    await getDb().query(`
      INSERT INTO audit_log (action, actor_label, at)
      SELECT 'test.same_ms', 'microseconds', timestamptz '2020-01-01 00:00:00.123' + make_interval(secs => n / 1000000.0)
      FROM generate_series(1, 7) AS n`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await api('GET', `/audit-log?action=test.same_ms&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toHaveLength(7);
  });

  it('is read-only and for staff only', async () => {
    const client = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await client('GET', '/audit-log')).status).toBe(403);
    expect((await api('POST', '/audit-log', {})).status).toBe(405);
    expect((await api('DELETE', '/audit-log')).status).toBe(405);
  });
});
