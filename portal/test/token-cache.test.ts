import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

// API tokens and the users behind sessions are remembered for a moment (every request authenticates),
// but a change made through the portal takes effect on the very next request.

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('remembered API tokens', () => {
  it('refuses a token on the next request after it is revoked', async () => {
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const user = await buildUser({ role: 'staff' });
    const secret = await tokenFor(user);
    const asUser = apiClient(portal.url, secret);
    expect((await asUser('GET', '/auth/me')).status).toBe(200);
    expect((await asUser('GET', '/auth/me')).status).toBe(200);
    const [token] = (await staff('GET', `/tokens?user=${user.id}`)).body.data;
    expect((await staff('DELETE', `/tokens/${token.id}`)).status).toBe(204);
    expect((await asUser('GET', '/auth/me')).status).toBe(401);
  });

  it('refuses the tokens of a user on the next request after the user is deactivated', async () => {
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const client = await buildClient();
    const user = await buildUser({ client });
    const asUser = apiClient(portal.url, await tokenFor(user));
    expect((await asUser('GET', '/clients/me')).body.id).toBe(client.id);
    expect((await staff('PATCH', `/users/${user.id}`, { isActive: false })).status).toBe(200);
    expect((await asUser('GET', '/clients/me')).status).toBe(401);
  });

  it('answers with the new client on the next request after a user is moved to another client', async () => {
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const [from, to] = [await buildClient(), await buildClient()];
    const user = await buildUser({ client: from });
    const asUser = apiClient(portal.url, await tokenFor(user));
    expect((await asUser('GET', '/clients/me')).body.id).toBe(from.id);
    expect((await staff('PATCH', `/users/${user.id}`, { clientId: to.id })).status).toBe(200);
    expect((await asUser('GET', '/clients/me')).body.id).toBe(to.id);
  });
});

describe('remembered session users', () => {
  async function signedIn(user: { email: string }) {
    const browser = new Browser(portal.url);
    await browser.get('/login');
    expect((await browser.post('/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(302);
    return browser;
  }
  const me = (browser: Browser) => browser.request('/api/v1/auth/me');

  it('ends a session on the next request after the user is deactivated', async () => {
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const user = await buildUser({ client: await buildClient() });
    const browser = await signedIn(user);
    expect((await me(browser)).status).toBe(200);
    expect((await me(browser)).status).toBe(200);
    expect((await staff('PATCH', `/users/${user.id}`, { isActive: false })).status).toBe(200);
    expect((await me(browser)).status).toBe(401);
  });

  it('shows the new client on the next request after a signed-in user is moved to another client', async () => {
    const staff = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const [from, to] = [await buildClient(), await buildClient()];
    const browser = await signedIn(await buildUser({ client: from }));
    const user = (await (await me(browser)).json()) as { user: { id: string }; client: { id: string } };
    expect(user.client.id).toBe(from.id);
    expect((await staff('PATCH', `/users/${user.user.id}`, { clientId: to.id })).status).toBe(200);
    expect(((await (await me(browser)).json()) as { client: { id: string } }).client.id).toBe(to.id);
  });
});
