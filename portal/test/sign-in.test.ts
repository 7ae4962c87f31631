import pg from 'pg';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const signIn = async (email: string, password = TEST_PASSWORD) => {
  const browser = new Browser(portal.url);
  const response = await browser.post('/login', { email, password });
  return { browser, response };
};

describe('sign-in', () => {
  it('serves the sign-in form and a healthy health check', async () => {
    const page = await fetch(`${portal.url}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');
    const health = await fetch(`${portal.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('takes staff to /staff, which shows who is signed in', async () => {
    const staff = await buildUser({ role: 'staff', email: 'ops@agency.example' });
    const { browser, response } = await signIn('OPS@agency.example');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/staff');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const page = await browser.get('/staff');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(staff.email);
  });

  it('takes a client user to / with their client, and hides /staff behind a 404', async () => {
    const client = await buildClient({ companyName: 'Globex Corporation' });
    const user = await buildUser({ client });
    const { browser, response } = await signIn(user.email);
    expect(response.headers.get('location')).toBe('/');
    const home = await browser.get('/');
    const html = await home.text();
    expect(html).toContain('Globex Corporation');
    expect(html).toContain(user.email);
    expect((await browser.get('/staff')).status).toBe(404);
  });

  it('shows a client user without a client a clear page instead of a dashboard', async () => {
    const user = await buildUser({ client: null });
    const { browser } = await signIn(user.email);
    const home = await browser.get('/');
    expect(home.headers.get('location')).toBe('/no-client');
    const page = await browser.get('/no-client');
    expect(await page.text()).toContain('No client assigned');
  });

  it('refuses a wrong password with a message and no session', async () => {
    const user = await buildUser({ role: 'staff' });
    const { browser, response } = await signIn(user.email, 'not the password');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('do not match an active account');
    expect(browser.hasCookie('monoliet_session')).toBe(false);
  });

  it('sends a signed-out visitor to the sign-in page and back where they were going', async () => {
    const browser = new Browser(portal.url);
    const response = await browser.get('/staff');
    expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fstaff');
    const staff = await buildUser({ role: 'staff' });
    const back = await browser.post('/login?redirectTo=%2Fstaff', { email: staff.email, password: TEST_PASSWORD });
    expect(back.headers.get('location')).toBe('/staff');
  });

  it('never redirects off-site after sign-in', async () => {
    const staff = await buildUser({ role: 'staff' });
    const response = await new Browser(portal.url).post('/login?redirectTo=%2F%2Fevil.example', { email: staff.email, password: TEST_PASSWORD });
    expect(response.headers.get('location')).toBe('/staff');
  });

  it('signs out on POST /logout', async () => {
    const staff = await buildUser({ role: 'staff' });
    const { browser } = await signIn(staff.email);
    await browser.get('/staff');
    const response = await browser.post('/logout', {});
    expect(response.headers.get('location')).toBe('/login');
    expect(browser.hasCookie('monoliet_session')).toBe(false);
    expect((await browser.get('/staff')).status).toBe(302);
  });

  it('ends a session when the user is deactivated', async () => {
    const staff = await buildUser({ role: 'staff' });
    const { browser } = await signIn(staff.email);
    await staff.update({ isActive: false });
    expect((await browser.get('/staff')).headers.get('location')).toMatch(/^\/login/);
  });
});

describe('health check', () => {
  it('answers 503 when the database is gone', async () => {
    const admin = new pg.Client(process.env.MONOLIET_TEST_PG_URL);
    await admin.connect();
    const name = `doomed_${process.env.JEST_WORKER_ID}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.MONOLIET_TEST_TEMPLATE_DB}`);
    const url = new URL(process.env.MONOLIET_TEST_PG_URL!);
    url.pathname = `/${name}`;
    const doomed = await startPortal({ env: { DATABASE_URL: url.toString() } });
    try {
      expect((await fetch(`${doomed.url}/healthz`)).status).toBe(200);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      const response = await fetch(`${doomed.url}/healthz`);
      expect([response.status, await response.json()]).toEqual([503, { status: 'unavailable' }]);
    } finally {
      await doomed.stop();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
