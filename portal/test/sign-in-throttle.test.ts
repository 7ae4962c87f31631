import { Op } from 'sequelize';
import { AuditLogEntry, getDb } from '~/models/index.server';
import { MAX_ACCOUNT_FAILURES, MAX_IP_FAILURES } from '~/services/sign-in-throttle.server';
import { buildUser, TEST_PASSWORD } from './factories';
import { apiClient } from './helpers/api';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});
// every request of this file comes from 127.0.0.1: start each test with clean counters
let testStart: Date;
beforeEach(async () => {
  await getDb().query('DELETE FROM login_rate_limits');
  testStart = new Date();
});
const auditedSinceTestStart = (action: string) => AuditLogEntry.findAll({ where: { action, at: { [Op.gte]: testStart } } });

const tokenSignIn = (email: string, password: string) => apiClient(portal.url)('POST', '/auth/token', { email, password });
const pageSignIn = (email: string, password: string) => new Browser(portal.url).post('/login', { email, password });

async function failTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) await tokenSignIn(email, `wrong password ${i}`);
}

/** As if the lock had run out: the stored expiry is moved into the past. */
async function expireCounters() {
  await getDb().query('UPDATE login_rate_limits SET expire = $1', { bind: [Date.now() - 1000] });
}

describe('failed sign-in limits', () => {
  it('locks an account after repeated failures; the right password does not get through the lock', async () => {
    const user = await buildUser({ email: 'target@example.com' });
    await failTimes(user.email, MAX_ACCOUNT_FAILURES - 1);
    const last = await tokenSignIn(user.email, 'still wrong');
    expect(last.status).toBe(429);
    const locked = await tokenSignIn('TARGET@example.com', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Try again in 15 minutes') } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);

    const page = await pageSignIn(user.email, TEST_PASSWORD);
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await page.text()).toContain('Too many failed sign-in attempts for this account');

    const audit = await auditedSinceTestStart('auth.account_locked');
    expect(audit.map((e) => [e.targetId, e.actorLabel, e.ip])).toEqual([[user.id, 'target@example.com', expect.stringContaining('127.0.0.1')]]);
    // other accounts are not affected
    const other = await buildUser();
    expect((await tokenSignIn(other.email, TEST_PASSWORD)).status).toBe(201);

    await expireCounters();
    expect((await tokenSignIn(user.email, TEST_PASSWORD)).status).toBe(201);
  });

  it('starts counting again after a successful sign-in', async () => {
    const user = await buildUser();
    await failTimes(user.email, MAX_ACCOUNT_FAILURES - 1);
    expect((await pageSignIn(user.email, TEST_PASSWORD)).status).toBe(302);
    await failTimes(user.email, MAX_ACCOUNT_FAILURES - 1);
    expect((await tokenSignIn(user.email, TEST_PASSWORD)).status).toBe(201);
  });

  it('locks unknown emails the same way, so a lock does not reveal which accounts exist', async () => {
    await failTimes('nobody@example.com', MAX_ACCOUNT_FAILURES);
    const result = await tokenSignIn('nobody@example.com', 'anything');
    expect([result.status, result.body.error.code]).toEqual([429, 'rate_limited']);
    const entry = await AuditLogEntry.findOne({ where: { action: 'auth.account_locked', actorLabel: 'nobody@example.com' } });
    expect(entry?.targetId).toBeNull();
  });

  it('does not count requests that never checked a password', async () => {
    const user = await buildUser();
    for (let i = 0; i < MAX_ACCOUNT_FAILURES + 2; i++) expect((await tokenSignIn(user.email, '')).status).toBe(400);
    expect((await tokenSignIn(user.email, TEST_PASSWORD)).status).toBe(201);
  });

  it('blocks an address that fails across many accounts, and audits it once', async () => {
    const user = await buildUser();
    // one failure per account: no account lock, only the address's count grows
    const emails = Array.from({ length: MAX_IP_FAILURES }, (_, i) => `spray-${i}@example.com`);
    for (let i = 0; i < emails.length; i += 5) await Promise.all(emails.slice(i, i + 5).map((email) => tokenSignIn(email, 'Winter2026!')));
    const blocked = await tokenSignIn(user.email, TEST_PASSWORD);
    expect([blocked.status, blocked.body.error.message]).toEqual([429, expect.stringContaining('from your network')]);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await pageSignIn(user.email, TEST_PASSWORD)).status).toBe(429);
    expect(await auditedSinceTestStart('auth.address_blocked')).toHaveLength(1);
    expect(await auditedSinceTestStart('auth.account_locked')).toHaveLength(0);
  });
});
