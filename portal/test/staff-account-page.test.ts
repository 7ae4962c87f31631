import { authenticator } from 'otplib';
import { User } from '~/models/index.server';
import { confirmTwoFactorEnrolment, prepareTwoFactorEnrolment } from '~/services/two-factor.server';
import { buildUser, TEST_PASSWORD } from './factories';
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
