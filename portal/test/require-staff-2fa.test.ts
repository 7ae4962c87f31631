import { authenticator } from 'otplib';
import { ApiToken, AuditLogEntry } from '~/models/index.server';
import { confirmTwoFactorEnrolment, prepareTwoFactorEnrolment } from '~/services/two-factor.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

// REQUIRE_STAFF_2FA: a staff user without TOTP can use neither the staff pages nor the API with their browser
// session until two-factor is set up, and gets no new API token for the password alone; tokens they already
// hold keep working.

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal({ env: { REQUIRE_STAFF_2FA: 'true', LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await portal?.stop();
});

const codeAt = (secret: string, offsetSeconds = 0) => authenticator.clone({ epoch: Date.now() + offsetSeconds * 1000 }).generate(secret);

async function signedIn(email: string) {
  const browser = new Browser(portal.url);
  await browser.post('/login', { email, password: TEST_PASSWORD });
  return browser;
}
async function json(response: Response) {
  return { status: response.status, body: await response.json() };
}

const SET_UP = {
  code: 'forbidden',
  message: 'Two-factor authentication is required for staff accounts. Set it up at /staff/account/two-factor, then try again.',
};

const TOKEN_SET_UP = {
  code: 'forbidden',
  message: 'Two-factor authentication is required for staff accounts. Sign in to the portal and set it up at /staff/account/two-factor, then ask for a token again.',
};

describe('REQUIRE_STAFF_2FA', () => {
  it('lets an existing token of a staff user without two-factor mint no new token, for them or for another such user', async () => {
    const staff = await buildUser({ role: 'staff' });
    const api = apiClient(portal.url, await tokenFor(staff));
    const own = await api('POST', '/tokens', { name: 'another', scopes: ['read'] });
    expect([own.status, own.body.error.code, own.body.error.message]).toEqual([403, 'forbidden', 'Two-factor authentication is required for staff accounts. Set it up at /staff/account/two-factor before a new token can be issued.']);
    const other = await buildUser({ role: 'staff' });
    const forOther = await api('POST', '/tokens', { name: 'for them', scopes: ['read'], userId: other.id });
    expect([forOther.status, forOther.body.error.message]).toEqual([403, 'Two-factor authentication is required for staff accounts. This user must set it up at /staff/account/two-factor before a new token can be issued.']);
    expect(await ApiToken.count({ where: { userId: [staff.id, other.id] } })).toBe(1);
    // a client user is not concerned
    const clientUser = await buildUser({ client: await buildClient() });
    expect((await apiClient(portal.url, await tokenFor(clientUser))('POST', '/tokens', { name: 'mine', scopes: ['read'] })).status).toBe(201);
  });

  it('refuses the API to the browser session of a staff user without two-factor, with where to set it up', async () => {
    const staff = await buildUser({ role: 'staff' });
    const browser = await signedIn(staff.email);
    expect((await browser.get('/staff/users')).headers.get('location')).toBe('/staff/account/two-factor');

    for (const path of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/clients']) {
      expect(await json(await browser.get(path))).toEqual({ status: 403, body: { error: SET_UP } });
    }
    // a write is refused the same way, before anything changes
    const write = await browser.request('/api/v1/clients', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: portal.url }, body: JSON.stringify({ companyName: 'Never made', email: 'never@example.com' }) });
    expect(await json(write)).toEqual({ status: 403, body: { error: SET_UP } });
  });

  it('keeps serving API tokens of that user, client users, and staff with two-factor', async () => {
    const staff = await buildUser({ role: 'staff' });
    const byToken = await apiClient(portal.url, await tokenFor(staff))('GET', '/auth/me');
    expect([byToken.status, byToken.body.user.id]).toEqual([200, staff.id]);

    const clientUser = await buildUser({ client: await buildClient() });
    const client = await json(await (await signedIn(clientUser.email)).get('/api/v1/auth/me'));
    expect([client.status, client.body.user.id]).toEqual([200, clientUser.id]);

    // enrolled with the previous step's code, signed in with the current one
    const enrolled = await buildUser({ role: 'staff' });
    const { secret } = await prepareTwoFactorEnrolment({ user: enrolled });
    await confirmTwoFactorEnrolment({ user: enrolled, code: codeAt(secret, -30) });
    const browser = await signedIn(enrolled.email);
    await browser.get('/login/two-factor');
    await browser.post('/login/two-factor', { code: codeAt(secret) });
    const me = await json(await browser.get('/api/v1/auth/me'));
    expect([me.status, me.body.user.id]).toEqual([200, enrolled.id]);
    expect((await browser.get('/api/v1/users')).status).toBe(200);
  });

  it('issues no API token for the password of a staff user without two-factor; staff with it send the code, client users are unaffected', async () => {
    const anonymous = apiClient(portal.url);
    const staff = await buildUser({ role: 'staff' });
    const refused = await anonymous('POST', '/auth/token', { email: staff.email, password: TEST_PASSWORD });
    expect([refused.status, refused.body]).toEqual([403, { error: TOKEN_SET_UP }]);
    expect(await ApiToken.count({ where: { userId: staff.id } })).toBe(0);
    const audit = await AuditLogEntry.findAll({ where: { targetId: staff.id } });
    expect(audit.map((entry) => [entry.action, entry.metadata])).toEqual([['auth.sign_in_refused', { via: 'api_token', reason: 'two-factor not set up' }]]);
    // the refusal comes only after the right password: a wrong one is the usual 401
    expect((await anonymous('POST', '/auth/token', { email: staff.email, password: 'not the password' })).status).toBe(401);

    const clientUser = await buildUser({ client: await buildClient() });
    const client = await anonymous('POST', '/auth/token', { email: clientUser.email, password: TEST_PASSWORD });
    expect([client.status, client.body.user.id]).toEqual([201, clientUser.id]);

    const enrolled = await buildUser({ role: 'staff' });
    const { secret } = await prepareTwoFactorEnrolment({ user: enrolled });
    await confirmTwoFactorEnrolment({ user: enrolled, code: codeAt(secret, -30) });
    const withoutCode = await anonymous('POST', '/auth/token', { email: enrolled.email, password: TEST_PASSWORD });
    expect([withoutCode.status, withoutCode.body.error.code]).toEqual([401, 'unauthorized']);
    const withCode = await anonymous('POST', '/auth/token', { email: enrolled.email, password: TEST_PASSWORD, code: codeAt(secret) });
    expect([withCode.status, withCode.body.user.id]).toEqual([201, enrolled.id]);
    expect((await apiClient(portal.url, withCode.body.token)('GET', '/users')).status).toBe(200);
  });
});
