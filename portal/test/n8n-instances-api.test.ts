import { setupServer } from 'msw/node';
import { STAFF_SCOPES, type Caller } from '~/lib/caller.server';
import { AuditLogEntry, N8nInstance, type User } from '~/models/index.server';
import { testInstanceConnection } from '~/services/n8n-instance-test.server';
import { openSecret, sealSecret } from '~/services/secrets.server';
import { buildClient, buildInstance, buildUser, buildWorkflow } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { FakeN8n } from './helpers/fake-n8n';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let staff: User;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  portal = await startPortal();
  staff = await buildUser({ role: 'staff' });
  api = apiClient(portal.url, await tokenFor(staff));
});
afterAll(async () => {
  await portal?.stop();
});

describe('n8n instances API', () => {
  it('stores the API key encrypted, never returns it, and defaults the identity to the normalised URL', async () => {
    const created = await api('POST', '/n8n-instances', { name: 'Production', baseUrl: 'HTTPS://N8N.Example.com:443/api/v1/', apiKey: 'n8n_api_0123456789abcdef' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Production', baseUrl: 'https://n8n.example.com', identity: 'https://n8n.example.com', hasApiKey: true, apiKeyHint: '••••cdef', apiFlavor: null, isActive: true, workflowCount: 0 });
    const stored = await N8nInstance.findByPk(created.body.id);
    expect(stored!.apiKeyEncrypted).not.toContain('0123456789abcdef');
    expect(openSecret({ kind: 'instanceApiKey', ciphertext: stored!.apiKeyEncrypted! })).toBe('n8n_api_0123456789abcdef');
    for (const answer of [created, await api('GET', `/n8n-instances/${created.body.id}`), await api('GET', '/n8n-instances')]) {
      expect(JSON.stringify(answer.body)).not.toContain('0123456789abcdef');
    }
    const audit = await AuditLogEntry.findOne({ where: { action: 'n8n_instance.create', targetId: created.body.id } });
    expect(JSON.stringify(audit!.metadata)).not.toContain('0123456789abcdef');

    const pushOnly = await api('POST', '/n8n-instances', { name: 'Edge', baseUrl: 'http://10.0.0.5:5678/', identity: 'edge-box' });
    expect(pushOnly.body).toMatchObject({ baseUrl: 'http://10.0.0.5:5678', identity: 'edge-box', hasApiKey: false, apiKeyHint: null });
  });

  it('refuses a duplicate name or identity with 409, and a non-http URL with 400', async () => {
    await api('POST', '/n8n-instances', { name: 'Staging', baseUrl: 'https://staging.n8n.example' });
    const sameName = await api('POST', '/n8n-instances', { name: 'Staging', baseUrl: 'https://other.n8n.example' });
    expect([sameName.status, sameName.body.error.details]).toEqual([409, { name: ['already taken'] }]);
    const sameIdentity = await api('POST', '/n8n-instances', { name: 'Staging 2', baseUrl: 'https://staging.n8n.example/' });
    expect([sameIdentity.status, sameIdentity.body.error.details]).toEqual([409, { identity: ['already taken'] }]);
    const ftp = await api('POST', '/n8n-instances', { name: 'FTP', baseUrl: 'ftp://n8n.example' });
    expect([ftp.status, Object.keys(ftp.body.error.details)]).toEqual([400, ['baseUrl']]);
  });

  it('replaces and removes the key, forgets the activation API when the URL moves, and keeps the identity', async () => {
    const instance = await buildInstance({ apiFlavor: 'publish', apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'old-key-1234' }) });
    const rekeyed = await api('PATCH', `/n8n-instances/${instance.id}`, { apiKey: 'new-key-98765' });
    expect([rekeyed.body.apiKeyHint, rekeyed.body.apiFlavor]).toEqual(['••••8765', 'publish']);
    const moved = await api('PATCH', `/n8n-instances/${instance.id}`, { baseUrl: 'https://moved.n8n.example/' });
    expect(moved.body).toMatchObject({ baseUrl: 'https://moved.n8n.example', identity: instance.identity, apiFlavor: null });
    const cleared = await api('PATCH', `/n8n-instances/${instance.id}`, { apiKey: null, isActive: false });
    expect(cleared.body).toMatchObject({ hasApiKey: false, apiKeyHint: null, isActive: false });
    expect((await api('GET', '/n8n-instances?active=false')).body.data.map((i: { id: string }) => i.id)).toContain(instance.id);
  });

  it('deletes an instance without workflows, and answers 409 while workflows reference it', async () => {
    const used = await buildInstance();
    await buildWorkflow({ instance: used, client: await buildClient() });
    const refused = await api('DELETE', `/n8n-instances/${used.id}`);
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([409, 'conflict', expect.stringContaining('1 workflow')]);
    expect((await api('GET', `/n8n-instances/${used.id}`)).body.workflowCount).toBe(1);
    const unused = await buildInstance();
    expect((await api('DELETE', `/n8n-instances/${unused.id}`)).status).toBe(204);
    expect(await N8nInstance.count({ where: { id: unused.id } })).toBe(0);
    expect(await AuditLogEntry.count({ where: { action: 'n8n_instance.delete', targetId: unused.id } })).toBe(1);
  });

  it('tests a connection over HTTP: no key, and an address where nothing answers', async () => {
    const noKey = await buildInstance();
    const first = await api('POST', `/n8n-instances/${noKey.id}/test`);
    expect([first.status, first.body.ok, first.body.errorKind]).toEqual([200, false, 'no_api_key']);
    const closed = await buildInstance({ baseUrl: 'http://127.0.0.1:9', apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: 'some-key' }) });
    const second = await api('POST', `/n8n-instances/${closed.id}/test`);
    expect([second.status, second.body.ok, second.body.errorKind]).toEqual([200, false, 'network']);
    expect((await api('POST', '/n8n-instances/00000000-0000-4000-8000-000000000000/test')).status).toBe(404);
  });

  it('is for staff only', async () => {
    const clientApi = apiClient(portal.url, await tokenFor(await buildUser({ client: await buildClient() })));
    expect((await clientApi('GET', '/n8n-instances')).status).toBe(403);
    expect((await clientApi('POST', '/n8n-instances', { name: 'Mine', baseUrl: 'https://mine.example' })).status).toBe(403);
  });
});

describe('connection test against n8n (msw fake)', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  async function instanceFor(fake: FakeN8n, apiKey = fake.apiKey) {
    server.use(...fake.handlers());
    return buildInstance({ baseUrl: fake.baseUrl, identity: fake.baseUrl, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: apiKey }) });
  }
  const caller = (): Caller => ({ user: staff, role: 'staff', clientId: null, scopes: new Set(STAFF_SCOPES), token: null });

  it('succeeds when the key can list workflows and executions', async () => {
    const fake = new FakeN8n();
    const instance = await instanceFor(fake);
    expect(await testInstanceConnection({ caller: caller(), id: instance.id })).toMatchObject({ ok: true, errorKind: null });
    expect(fake.requests.map((r) => r.path)).toEqual(['/workflows', '/executions']);
  });

  it('says so when the key is wrong or lacks a scope', async () => {
    const wrongKey = await instanceFor(new FakeN8n({ baseUrl: 'https://wrong-key.fake.test' }), 'not-the-key');
    expect(await testInstanceConnection({ caller: caller(), id: wrongKey.id })).toMatchObject({ ok: false, errorKind: 'unauthorized' });
    const limited = await instanceFor(new FakeN8n({ baseUrl: 'https://limited.fake.test', scopes: ['workflow:list'] }));
    const result = await testInstanceConnection({ caller: caller(), id: limited.id });
    expect(result).toMatchObject({ ok: false, errorKind: 'forbidden', message: expect.stringContaining('execution:list') });
  });
});
