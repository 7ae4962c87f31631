import { AuditLogEntry, Email, User, UserToken } from '~/models/index.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';
import { waitFor } from './helpers/wait';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await portal?.stop();
});

const NEW_PASSWORD = 'a long new passphrase';

async function signedInStaff() {
  const staff = await buildUser({ role: 'staff', name: 'Lena Ops' });
  const browser = new Browser(portal.url);
  expect((await browser.post('/login', { email: staff.email, password: TEST_PASSWORD })).status).toBe(302);
  return { staff, browser };
}

/** The link of the last account mail to this address, as the recipient sees it in the plain-text part. */
async function linkMailedTo(address: string, template: string) {
  const mail = await waitFor(() => Email.findOne({ where: { template }, order: [['createdAt', 'DESC']] }).then((m) => (m?.toAddresses[0] === address ? m : null)), { what: `a ${template} mail` });
  const link = /https?:\/\/\S+(\/set-password\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(link).toBeDefined();
  expect(mail.html).toContain(link!);
  return { mail, path: link! };
}

async function signInStatus(email: string, password: string) {
  return (await new Browser(portal.url).post('/login', { email, password })).status;
}

describe('staff users: invitations and password links', () => {
  it('invites a client user: the mail is in the outbox, its link sets the password once, then they sign in', async () => {
    const client = await buildClient({ companyName: 'Initech' });
    const { browser } = await signedInStaff();
    expect((await browser.get('/staff/users/new')).status).toBe(200);
    const created = await browser.post('/staff/users/new', { email: 'dana@initech.example', name: 'Dana Lee', role: 'client', clientId: client.id, memberRole: 'owner', access: 'invite' });
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toMatch(/^\/staff\/users\/[0-9a-f-]{36}\?done=invited$/);

    const { mail, path } = await linkMailedTo('dana@initech.example', 'user-invite');
    expect(mail.subject).toContain('invited');
    expect(mail.text).toContain('Lena Ops invited you to the Initech portal');
    expect(await signInStatus('dana@initech.example', NEW_PASSWORD)).toBe(400);

    const visitor = new Browser(portal.url);
    const page = await (await visitor.get(path)).text();
    expect(page).toContain('Welcome! Choose a password');
    expect(page).toContain('dana@initech.example');
    const mismatch = await visitor.post(path, { password: NEW_PASSWORD, confirmPassword: 'something else' });
    expect(mismatch.status).toBe(400);
    const set = await visitor.post(path, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(set.status).toBe(302);
    expect(set.headers.get('location')).toBe('/login?notice=password-set');

    const signIn = await new Browser(portal.url).post('/login', { email: 'dana@initech.example', password: NEW_PASSWORD });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get('location')).toBe('/');
    // the link worked once
    expect(await (await visitor.get(path)).text()).toContain('already used');
    expect((await visitor.post(path, { password: 'yet another passphrase', confirmPassword: 'yet another passphrase' })).status).toBe(400);
    expect(await signInStatus('dana@initech.example', NEW_PASSWORD)).toBe(302);
  });

  it('refuses an expired link with a clear message and leaves the password unset', async () => {
    const { browser } = await signedInStaff();
    await browser.get('/staff/users/new');
    await browser.post('/staff/users/new', { email: 'late@agency.example', role: 'staff', access: 'invite' });
    const { path } = await linkMailedTo('late@agency.example', 'user-invite');
    const user = (await User.findOne({ where: { email: 'late@agency.example' } }))!;
    await UserToken.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { userId: user.id } });

    const visitor = new Browser(portal.url);
    expect(await (await visitor.get(path)).text()).toContain('This link has expired');
    expect((await visitor.post(path, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await User.findByPk(user.id))!.passwordHash).toBeNull();
  });

  it('deactivates a user after confirmation: their session, reset link and sign-in stop working', async () => {
    const client = await buildClient();
    const user = await buildUser({ client, email: 'leaving@acme.example' });
    const theirs = new Browser(portal.url);
    await theirs.post('/login', { email: user.email, password: TEST_PASSWORD });
    expect((await theirs.get('/')).status).toBe(200);

    const { browser } = await signedInStaff();
    await browser.get(`/staff/users/${user.id}`);
    expect((await browser.post(`/staff/users/${user.id}`, { intent: 'send-reset' })).status).toBe(302);
    const { path } = await linkMailedTo(user.email, 'password-reset');

    await browser.get(`/staff/users/${user.id}`);
    const asked = await browser.post(`/staff/users/${user.id}`, { intent: 'deactivate' });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Deactivate this user?');
    expect((await User.findByPk(user.id))!.isActive).toBe(true);
    const done = await browser.post(`/staff/users/${user.id}`, { intent: 'deactivate', confirmed: 'yes' });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toContain('done=deactivated');

    expect((await theirs.get('/')).status).toBe(302);
    expect(await signInStatus(user.email, TEST_PASSWORD)).toBe(400);
    expect(await (await new Browser(portal.url).get(path)).text()).toContain('deactivated');
    expect(await AuditLogEntry.count({ where: { action: 'user.deactivate', targetId: user.id } })).toBe(1);
  });
});

describe('staff API tokens', () => {
  it('shows a new token once, and a revoked token stops working', async () => {
    const { staff, browser } = await signedInStaff();
    expect((await browser.get('/staff/tokens')).status).toBe(200);
    const created = await browser.post('/staff/tokens', { intent: 'create', name: 'n8n production', scopes: 'read', userId: staff.id, expiresOn: '' });
    expect(created.status).toBe(200);
    const secret = /mlt_[A-Za-z0-9_-]+/.exec(await created.text())?.[0];
    expect(secret).toBeDefined();
    const me = await fetch(`${portal.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);

    const list = await (await browser.get('/staff/tokens')).text();
    expect(list).toContain('n8n production');
    expect(list).toContain(secret!.slice(0, 12));
    expect(list).not.toContain(secret);

    const token = (await AuditLogEntry.findOne({ where: { action: 'token.create' }, order: [['at', 'DESC']] }))!;
    expect((await browser.post('/staff/tokens', { intent: 'revoke', id: token.targetId!, name: 'n8n production' })).status).toBe(200);
    expect((await fetch(`${portal.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect((await browser.post('/staff/tokens', { intent: 'revoke', id: token.targetId!, name: 'n8n production', confirmed: 'yes' })).status).toBe(302);
    expect((await fetch(`${portal.url}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(401);
  });
});
