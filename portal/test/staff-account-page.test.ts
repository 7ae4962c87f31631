import { authenticator } from 'otplib';
import { AuditLogEntry, User } from '~/models/index.server';
import { createCredential } from '~/services/credentials.server';
import { confirmTwoFactorEnrolment, prepareTwoFactorEnrolment } from '~/services/two-factor.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await portal?.stop();
});

const codeAt = (secret: string, offsetSeconds = 0) => authenticator.clone({ epoch: Date.now() + offsetSeconds * 1000 }).generate(secret);

async function staffWithTwoFactor() {
  const user = await buildUser({ role: 'staff' });
  const { secret } = await prepareTwoFactorEnrolment({ user });
  await confirmTwoFactorEnrolment({ user, code: codeAt(secret) });
  return { user, secret };
}

describe('the staff account page and the code step', () => {
  it('keeps a signed-in-by-password user on the code page until the code is right', async () => {
    const { user, secret } = await staffWithTwoFactor();
    const browser = new Browser(portal.url);
    const password = await browser.post('/login?redirectTo=%2Fstaff%2Fusers', { email: user.email, password: TEST_PASSWORD });
    expect(password.headers.get('location')).toBe('/login/two-factor?redirectTo=%2Fstaff%2Fusers');
    expect((await browser.get('/staff')).headers.get('location')).toBe('/login/two-factor');
    expect((await browser.get('/api/v1/auth/me')).status).toBe(401);

    await browser.get('/login/two-factor');
    const done = await browser.post('/login/two-factor?redirectTo=%2Fstaff%2Fusers', { code: codeAt(secret, 30) });
    expect(done.headers.get('location')).toBe('/staff/users');
    expect((await browser.get('/staff/users')).status).toBe(200);
  });

  it('turns two-factor off after a confirmation with the password', async () => {
    const { user, secret } = await staffWithTwoFactor();
    const browser = new Browser(portal.url);
    await browser.post('/login', { email: user.email, password: TEST_PASSWORD });
    await browser.get('/login/two-factor');
    await browser.post('/login/two-factor', { code: codeAt(secret, 30) });

    expect(await (await browser.get('/staff/account')).text()).toContain('Turn off two-factor');
    const asked = await browser.post('/staff/account', { intent: 'disable-2fa' });
    expect(await asked.text()).toContain('Turn off two-factor authentication?');
    const wrong = await browser.post('/staff/account', { intent: 'disable-2fa', confirmed: 'yes', password: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('This is not your current password');
    expect((await User.findByPk(user.id))!.totpEnabledAt).not.toBeNull();

    const off = await browser.post('/staff/account', { intent: 'disable-2fa', confirmed: 'yes', password: TEST_PASSWORD });
    expect(off.headers.get('location')).toBe('/staff/account?done=2fa-off');
    expect((await User.findByPk(user.id))!.totpEnabledAt).toBeNull();
    // this browser continues with the fresh cookie
    expect((await browser.get('/staff/account')).status).toBe(200);
  });
});

describe('revealing a credential on its staff page', () => {
  /** Enrolled with the previous step's code and signed in with the current one, so the next step's code is still unused. */
  async function signedInWithTwoFactor() {
    const user = await buildUser({ role: 'staff' });
    const { secret } = await prepareTwoFactorEnrolment({ user });
    await confirmTwoFactorEnrolment({ user, code: codeAt(secret, -30) });
    const browser = new Browser(portal.url);
    await browser.post('/login', { email: user.email, password: TEST_PASSWORD });
    await browser.get('/login/two-factor');
    const signInCode = codeAt(secret);
    expect((await browser.post('/login/two-factor', { code: signInCode })).headers.get('location')).toBe('/staff');
    return { user, secret, signInCode, browser };
  }
  const credentialOf = async (apiKey: string) => createCredential({ clientId: (await buildClient()).id, serviceName: 'Stripe', credentialType: 'api_key', fields: { apiKey } });

  it('asks a staff user without two-factor for the password only', async () => {
    const credential = await credentialOf('sk_live_plain_0001');
    const browser = new Browser(portal.url);
    await browser.post('/login', { email: (await buildUser({ role: 'staff' })).email, password: TEST_PASSWORD });
    const html = await (await browser.get(`/staff/credentials/${credential.id}`)).text();
    expect(html).toContain('>Your password</label>');
    expect(html).not.toContain('authenticator');
    const code = await browser.post(`/staff/credentials/${credential.id}`, { intent: 'reveal', password: '123456' });
    expect(code.status).toBe(400);
    expect(await code.text()).toContain('not your current password');
  });

  it('takes the current authenticator code in the one field, once; the code of the sign-in is refused', async () => {
    const { user, secret, signInCode, browser } = await signedInWithTwoFactor();
    const credential = await credentialOf('sk_live_totp_0002');
    const page = await (await browser.get(`/staff/credentials/${credential.id}`)).text();
    expect(page).toContain('>Password or authenticator code</label>');
    expect(page).not.toContain('sk_live_totp_0002');

    const replayed = await browser.post(`/staff/credentials/${credential.id}`, { intent: 'reveal', password: signInCode });
    expect(replayed.status).toBe(400);
    const refusedHtml = await replayed.text();
    expect(refusedHtml).toContain('That code is not right');
    expect(refusedHtml).not.toContain('sk_live_totp_0002');

    await browser.get(`/staff/credentials/${credential.id}`);
    const next = codeAt(secret, 30);
    const revealed = await browser.post(`/staff/credentials/${credential.id}`, { intent: 'reveal', password: `${next.slice(0, 3)} ${next.slice(3)}` });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    expect(await revealed.text()).toContain('sk_live_totp_0002');
    const audit = await AuditLogEntry.findAll({ where: { action: ['credential.reveal', 'credential.reveal_denied'], targetId: credential.id }, order: [['at', 'ASC']] });
    expect(audit.map((e) => [e.action, e.actorId, e.metadata])).toEqual([
      ['credential.reveal_denied', user.id, { reason: 'wrong code' }],
      ['credential.reveal', user.id, { serviceName: 'Stripe', fieldNames: ['apiKey'], confirmedWith: 'totp' }],
    ]);

    // the password works in the same field
    await browser.get(`/staff/credentials/${credential.id}`);
    const withPassword = await browser.post(`/staff/credentials/${credential.id}`, { intent: 'reveal', password: TEST_PASSWORD });
    expect(await withPassword.text()).toContain('sk_live_totp_0002');
  });
});
