import { ApiToken, AuditLogEntry, ClientMember, User } from '~/models/index.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let staff: User;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  portal = await startPortal();
  staff = await buildUser({ role: 'staff', email: 'boss@agency.example', name: 'The Boss' });
  api = apiClient(portal.url, await tokenFor(staff));
});
afterAll(async () => {
  await portal?.stop();
});

const SECRET_FIELDS = ['passwordHash', 'password_hash', 'totpSecret', 'totp_secret', 'recoveryCodes', 'recovery_codes'];

async function signedInBrowser(email: string, password = TEST_PASSWORD) {
  const browser = new Browser(portal.url);
  expect((await browser.post('/login', { email, password })).status).toBe(302);
  return browser;
}

describe('users API', () => {
  it('creates a client user with its membership, who can then sign in, and audits it', async () => {
    const client = await buildClient({ companyName: 'Initech' });
    const created = await api('POST', '/users', { email: 'peter@initech.example', name: 'Peter Gibbons', role: 'client', password: 'tps reports 2026', clientId: client.id, memberRole: 'owner' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'peter@initech.example',
      name: 'Peter Gibbons',
      role: 'client',
      isActive: true,
      hasPassword: true,
      twoFactorEnabled: false,
      client: { id: client.id, slug: client.slug, companyName: 'Initech' },
      memberRole: 'owner',
      lastLoginAt: null,
    });
    for (const field of SECRET_FIELDS) expect(JSON.stringify(created.body)).not.toContain(field);
    const signIn = await apiClient(portal.url)('POST', '/auth/token', { email: 'peter@initech.example', password: 'tps reports 2026' });
    expect(signIn.status).toBe(201);
    const audit = await AuditLogEntry.findOne({ where: { action: 'user.create', targetId: created.body.id } });
    expect(audit).toMatchObject({ actorId: staff.id, clientId: client.id });
  });

  it('refuses a weak password, a staff user with a client, an unknown client and a duplicate email', async () => {
    const weak = await api('POST', '/users', { email: 'weak@example.com', role: 'client', password: 'short' });
    expect([weak.status, Object.keys(weak.body.error.details)]).toEqual([400, ['password']]);
    const client = await buildClient();
    const staffWithClient = await api('POST', '/users', { email: 'odd@agency.example', role: 'staff', clientId: client.id });
    expect([staffWithClient.status, Object.keys(staffWithClient.body.error.details)]).toEqual([400, ['clientId']]);
    const unknownClient = await api('POST', '/users', { email: 'lost@example.com', role: 'client', clientId: '00000000-0000-4000-8000-000000000000' });
    expect([unknownClient.status, unknownClient.body.error.details]).toEqual([400, { clientId: ['no client with this id'] }]);
    await buildUser({ email: 'taken@example.com' });
    const duplicate = await api('POST', '/users', { email: 'TAKEN@example.com', role: 'client' });
    expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'conflict']);
    expect(await User.count({ where: { email: ['weak@example.com', 'odd@agency.example', 'lost@example.com'] } })).toBe(0);
  });

  it('creates a user without a password, who cannot sign in yet', async () => {
    const created = await api('POST', '/users', { email: 'invited@example.com', role: 'client' });
    expect([created.status, created.body.hasPassword, created.body.client]).toEqual([201, false, null]);
    expect((await apiClient(portal.url)('POST', '/auth/token', { email: 'invited@example.com', password: 'anything at all' })).status).toBe(401);
  });

  it('gets a user with its client and lists with search, filters, ordering and keyset pages', async () => {
    const [umbrella, cyberdyne] = [await buildClient({ companyName: 'Umbrella' }), await buildClient({ companyName: 'Cyberdyne' })];
    const alice = await buildUser({ client: umbrella, email: 'alice@umbrella.example', name: 'Alice Abernathy' });
    await buildUser({ client: umbrella, email: 'carlos@umbrella.example', name: 'Carlos Oliveira', isActive: false });
    await buildUser({ client: cyberdyne, email: 'miles@cyberdyne.example', name: 'Miles Dyson' });

    const got = await api('GET', `/users/${alice.id}`);
    expect(got.body).toMatchObject({ id: alice.id, client: { id: umbrella.id, companyName: 'Umbrella' }, memberRole: 'member' });

    const ofUmbrella = await api('GET', `/users?client=${umbrella.id}&order=-email`);
    expect(ofUmbrella.body.data.map((u: { email: string }) => u.email)).toEqual(['carlos@umbrella.example', 'alice@umbrella.example']);
    const activeOnly = await api('GET', `/users?client=${umbrella.id}&active=true`);
    expect(activeOnly.body.data.map((u: { email: string }) => u.email)).toEqual(['alice@umbrella.example']);
    const byName = await api('GET', '/users?search=dyson');
    expect(byName.body.data.map((u: { email: string }) => u.email)).toEqual(['miles@cyberdyne.example']);
    const byPart = await api('GET', '/users?search=UMBRELLA.example');
    expect(byPart.body.data).toHaveLength(2);
    const staffOnly = await api('GET', '/users?role=staff');
    expect(staffOnly.body.data.every((u: { role: string; client: unknown }) => u.role === 'staff' && u.client === null)).toBe(true);
    // a literal "%" matches itself, not everything
    expect((await api('GET', '/users?search=%25')).body.data).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { email: string }[]; nextCursor: string | null } } = await api('GET', `/users?limit=2&order=email${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((u) => u.email));
      cursor = page.body.nextCursor;
    } while (cursor);
    // the database's own collation decides the order
    const all = await User.findAll({ attributes: ['email'], order: [['email', 'ASC'], ['id', 'ASC']] });
    expect(seen).toEqual(all.map((u) => u.email));
  });

  it('deactivating ends the browser sessions and tokens of the user at once, and is audited', async () => {
    const client = await buildClient();
    const user = await buildUser({ client, email: 'leaving@example.com' });
    const browser = await signedInBrowser(user.email);
    expect((await browser.get('/api/v1/auth/me')).status).toBe(200);
    const token = await tokenFor(user);
    expect((await apiClient(portal.url, token)('GET', '/auth/me')).status).toBe(200);

    const updated = await api('PATCH', `/users/${user.id}`, { isActive: false });
    expect([updated.status, updated.body.isActive]).toEqual([200, false]);
    expect((await browser.get('/api/v1/auth/me')).status).toBe(401);
    expect((await browser.get('/')).headers.get('location')).toMatch(/^\/login/);
    expect((await apiClient(portal.url, token)('GET', '/auth/me')).status).toBe(401);
    expect(await ApiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await User.findByPk(user.id))!.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await AuditLogEntry.count({ where: { action: 'user.deactivate', targetId: user.id } })).toBe(1);

    // reactivated, the user signs in again; the old tokens stay revoked
    await api('PATCH', `/users/${user.id}`, { isActive: true });
    await signedInBrowser(user.email);
    expect((await apiClient(portal.url, token)('GET', '/auth/me')).status).toBe(401);
  });

  it('moves a client user to another client, removes the membership, and promotes to staff without a client', async () => {
    const [a, b] = [await buildClient(), await buildClient()];
    const user = await buildUser({ client: a });
    const moved = await api('PATCH', `/users/${user.id}`, { clientId: b.id, memberRole: 'owner', name: 'Moved' });
    expect(moved.body).toMatchObject({ name: 'Moved', client: { id: b.id }, memberRole: 'owner' });
    const unlinked = await api('PATCH', `/users/${user.id}`, { clientId: null });
    expect([unlinked.body.client, unlinked.body.memberRole]).toEqual([null, null]);
    await api('PATCH', `/users/${user.id}`, { clientId: a.id });
    const promoted = await api('PATCH', `/users/${user.id}`, { role: 'staff' });
    expect([promoted.body.role, promoted.body.client]).toEqual(['staff', null]);
    expect(await ClientMember.count({ where: { userId: user.id } })).toBe(0);
    const refused = await api('PATCH', `/users/${user.id}`, { clientId: a.id });
    expect([refused.status, Object.keys(refused.body.error.details)]).toEqual([400, ['clientId']]);
  });

  it('does not let staff deactivate or demote themselves', async () => {
    for (const change of [{ isActive: false }, { role: 'client' }]) {
      const result = await api('PATCH', `/users/${staff.id}`, change);
      expect([result.status, result.body.error.code]).toEqual([422, 'unprocessable']);
    }
    expect((await User.findByPk(staff.id))).toMatchObject({ isActive: true, role: 'staff' });
  });

  it('changing the email refuses one that another user has', async () => {
    const [first, second] = [await buildUser(), await buildUser()];
    const result = await api('PATCH', `/users/${first.id}`, { email: second.email.toUpperCase() });
    expect([result.status, result.body.error.details]).toEqual([409, { email: ['already taken'] }]);
    const renamed = await api('PATCH', `/users/${first.id}`, { email: 'renamed@example.com' });
    expect(renamed.body.email).toBe('renamed@example.com');
  });

  it('sets a password: the policy applies, old sessions end, the new one works, and it is audited', async () => {
    const user = await buildUser({ client: await buildClient() });
    const browser = await signedInBrowser(user.email);
    const weak = await api('POST', `/users/${user.id}/password`, { password: 'aaaaaaaaaaaa' });
    expect([weak.status, Object.keys(weak.body.error.details)]).toEqual([400, ['password']]);
    expect((await api('POST', `/users/${user.id}/password`, { password: 'a brand new secret' })).status).toBe(204);
    expect((await browser.get('/api/v1/auth/me')).status).toBe(401);
    await signedInBrowser(user.email, 'a brand new secret');
    const entry = await AuditLogEntry.findOne({ where: { action: 'user.password_set', targetId: user.id } });
    expect(entry?.actorId).toBe(staff.id);
    expect(JSON.stringify(entry?.metadata)).not.toContain('a brand new secret');
  });

  it('answers 404 for an unknown user and 403 for a client user', async () => {
    expect((await api('GET', '/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const clientApi = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await clientApi('GET', '/users')).status).toBe(403);
  });
});
