import { API_ROUTES } from '@monoliet/contract';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { ApiToken, Client } from '~/models/index.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('API authentication', () => {
  it('exchanges email and password for a token that works, and logout revokes it', async () => {
    const client = await buildClient({ companyName: 'Hooli' });
    const user = await buildUser({ client, email: 'gavin@hooli.example', name: 'Gavin' });
    const anonymous = apiClient(portal.url);
    const signIn = await anonymous('POST', '/auth/token', { email: 'GAVIN@hooli.example', password: TEST_PASSWORD });
    expect(signIn.status).toBe(201);
    expect(signIn.body.token).toMatch(/^mlt_/);
    expect(signIn.body.user).toEqual({ id: user.id, email: user.email, name: 'Gavin', role: 'client' });
    expect(signIn.body.apiToken.scopes).toEqual(['read', 'write']);

    const api = apiClient(portal.url, signIn.body.token);
    const me = await api('GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.client).toEqual({ id: client.id, slug: client.slug, companyName: 'Hooli' });
    expect(me.body.token.scopes).toEqual(['read', 'write']);

    expect((await api('POST', '/auth/logout')).status).toBe(204);
    const after = await api('GET', '/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('refuses a wrong password with 401 and the envelope', async () => {
    const user = await buildUser();
    const result = await apiClient(portal.url)('POST', '/auth/token', { email: user.email, password: 'wrong password' });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('answers 401 without credentials and for revoked or expired tokens', async () => {
    const user = await buildUser({ role: 'staff' });
    expect((await apiClient(portal.url)('GET', '/auth/me')).status).toBe(401);
    const revoked = await tokenFor(user);
    await ApiToken.update({ revokedAt: new Date() }, { where: { userId: user.id } });
    expect((await apiClient(portal.url, revoked)('GET', '/auth/me')).status).toBe(401);
    const expired = await tokenFor(user);
    await ApiToken.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { userId: user.id, revokedAt: null } });
    expect((await apiClient(portal.url, expired)('GET', '/auth/me')).status).toBe(401);
    expect((await apiClient(portal.url, 'not-a-token')('GET', '/auth/me')).status).toBe(401);
  });

  it('needs the write scope for writes', async () => {
    const staff = await buildUser({ role: 'staff' });
    const readOnly = apiClient(portal.url, await tokenFor(staff, ['read']));
    expect((await readOnly('GET', '/clients')).status).toBe(200);
    const refused = await readOnly('POST', '/clients', { slug: 'nope', companyName: 'Nope', email: 'a@nope.example' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('"write" scope');
  });
});

describe('API tokens', () => {
  it('shows the secret once, lists by prefix, revokes, and never gives a client user the ingest scope', async () => {
    const user = await buildUser({ client: await buildClient() });
    const api = apiClient(portal.url, await tokenFor(user));
    const created = await api('POST', '/tokens', { name: 'Zapier', scopes: ['read'] });
    expect(created.status).toBe(201);
    expect(created.body.token.startsWith(created.body.apiToken.prefix)).toBe(true);
    const list = await api('GET', '/tokens');
    const listed = list.body.data.find((t: { id: string }) => t.id === created.body.apiToken.id);
    expect(listed).toMatchObject({ name: 'Zapier', scopes: ['read'], revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await api('DELETE', `/tokens/${created.body.apiToken.id}`)).status).toBe(204);
    expect((await apiClient(portal.url, created.body.token)('GET', '/auth/me')).status).toBe(401);
    const ingest = await api('POST', '/tokens', { name: 'push', scopes: ['ingest'] });
    expect(ingest.status).toBe(400);
    expect(ingest.body.error.details.scopes).toBeDefined();
  });

  it("does not let a user revoke another user's token (404)", async () => {
    const [a, b] = [await buildUser({ client: await buildClient() }), await buildUser({ client: await buildClient() })];
    const bToken = await apiClient(portal.url, await tokenFor(b))('POST', '/tokens', { name: 'mine', scopes: ['read'] });
    const result = await apiClient(portal.url, await tokenFor(a))('DELETE', `/tokens/${bToken.body.apiToken.id}`);
    expect(result.status).toBe(404);
  });
});

describe('API errors', () => {
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    api = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
  });

  it('gives 400 with field details for an invalid body', async () => {
    const result = await api('POST', '/clients', { slug: 'Not A Slug', companyName: '', email: 'nope' });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid_input');
    expect(Object.keys(result.body.error.details).sort()).toEqual(['companyName', 'email', 'slug']);
  });

  it('gives 400 for invalid JSON, 415 for another content type and 413 over 1 MB', async () => {
    expect((await api('POST', '/clients', '{"slug":', { 'Content-Type': 'application/json' })).status).toBe(400);
    expect((await api('POST', '/clients', 'slug=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const huge = { slug: 'big', companyName: 'Big', email: 'a@big.example', notes: 'x'.repeat(1_100_000) };
    const tooLarge = await api('POST', '/clients', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('payload_too_large');
  });

  it('answers JSON that no cache keeps, with the security headers and the request id, and reads a body that starts with a byte order mark', async () => {
    const created = await api('POST', '/clients', '\uFEFF{"slug":"with-bom","companyName":"Bom Corp","email":"a@bom.example"}', {
      'Content-Type': 'application/json',
      'X-Request-Id': 'api-probe-0001',
    });
    expect([created.status, created.body.slug]).toEqual([201, 'with-bom']);
    expect(created.headers.get('content-type')).toBe('application/json');
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('x-request-id')).toBe('api-probe-0001');
    expect(created.headers.get('x-frame-options')).toBe('DENY');
    expect(created.headers.get('x-content-type-options')).toBe('nosniff');
    // JSON is never a page: nothing may run in it or frame it, and no nonce is needed
    expect(created.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(Number(created.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(created.body)));
    const head = await api('HEAD', '/clients');
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'application/json']);
  });

  it('gives 404 for a malformed id, an unknown route, and 405 with Allow for a wrong method', async () => {
    expect((await api('GET', '/clients/not-a-uuid')).status).toBe(404);
    const unknown = await api('GET', '/nothing-here');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const wrong = await api('PUT', '/clients');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('refuses text that PostgreSQL cannot store (NUL, unpaired surrogates), naming the field', async () => {
    const nul = await api('POST', '/clients', { slug: 'with-nul', companyName: 'Nul\u0000Corp', email: 'a@nul.example' });
    expect([nul.status, nul.body.error.details]).toEqual([400, { companyName: [expect.stringContaining('NUL')] }]);
    const surrogate = await api('POST', '/clients', '{"slug":"with-surrogate","companyName":"ok","email":"a@s.example","notes":"\\ud800"}', { 'Content-Type': 'application/json' });
    expect([surrogate.status, Object.keys(surrogate.body.error.details)]).toEqual([400, ['notes']]);
    expect(await Client.count({ where: { slug: ['with-nul', 'with-surrogate'] } })).toBe(0);
  });

  it('keeps a keep-alive connection usable after a refused request whose body was never needed', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = http.request(`${portal.url}/api/v1${path}`, { method, agent, headers: { Authorization: 'Bearer mlt_unknown', 'Content-Type': 'application/json' } }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode!, reused: request.reusedSocket }));
        });
        request.on('error', reject);
        request.end(body);
      });
    try {
      expect(await send('POST', '/clients', JSON.stringify({ notes: 'x'.repeat(300_000) }))).toEqual({ status: 401, reused: false });
      expect(await send('POST', '/auth/logout', JSON.stringify({ padding: 'y'.repeat(300_000) }))).toEqual({ status: 401, reused: true });
      expect(await send('GET', '/auth/me')).toEqual({ status: 401, reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('gives 409 for a duplicate slug', async () => {
    await buildClient({ slug: 'taken' });
    const result = await api('POST', '/clients', { slug: 'taken', companyName: 'Taken', email: 'a@taken.example' });
    expect([result.status, result.body.error.details]).toEqual([409, { slug: ['already taken'] }]);
  });
});

describe('OpenAPI', () => {
  it('documents every route of the route table with its auth requirement', async () => {
    const response = await fetch(`${portal.url}/api/v1/openapi.json`);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; security: unknown[]; 'x-required-scope'?: string }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(documented.map((d) => d.key).sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of API_ROUTES) {
      const { op } = documented.find((d) => d.key === `${route.method} ${route.path}`)!;
      expect(op.operationId).toBe(route.id);
      expect(op.security.length > 0).toBe(route.access !== 'public');
      expect(op['x-required-scope']).toBe(route.scope ?? undefined);
    }
  });

  it('is a valid OpenAPI 3.1 document, with examples and the errors each route may answer', async () => {
    const doc = await (await fetch(`${portal.url}/api/v1/openapi.json`)).json();
    // the validator is ESM-only; jest runs CommonJS, so it checks the document in a child process
    const script = `import { Validator } from '@seriousme/openapi-schema-validator';
      let text = ''; for await (const chunk of process.stdin) text += chunk;
      const result = await new Validator().validate(JSON.parse(text));
      process.stdout.write(JSON.stringify(result));`;
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(doc), encoding: 'utf8' }));
    expect(result).toEqual({ valid: true });
    const signIn = doc.paths['/auth/token'].post;
    expect(signIn.responses['429'].headers['Retry-After']).toBeDefined();
    expect(signIn.requestBody.content['application/json'].example).toEqual({ email: expect.any(String), password: expect.any(String) });
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual([...new Set(API_ROUTES.map((r) => r.tag))]);
    expect(doc.paths['/users/{id}'].patch.responses['422']).toBeDefined();
  });
});
