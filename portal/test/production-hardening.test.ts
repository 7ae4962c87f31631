import { buildUser, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';
import { productionEnv, PUBLIC_URL, VIA_HTTPS_PROXY } from './helpers/production';

// A portal in production mode behind a TLS-terminating proxy; requests that "came through the proxy"
// carry X-Forwarded-Proto: https and are addressed to PUBLIC_URL by the browser (Origin).
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal({ env: productionEnv({ CORS_ORIGINS: 'https://dashboard.partner.example' }) });
});
afterAll(async () => {
  await portal?.stop();
});

const viaProxy = (init: RequestInit = {}) => ({ ...init, headers: { ...VIA_HTTPS_PROXY, ...(init.headers as Record<string, string>) }, redirect: 'manual' as const });
const newBrowser = () => new Browser(portal.url, { origin: PUBLIC_URL, headers: VIA_HTTPS_PROXY });

async function signedInStaff() {
  const staff = await buildUser({ role: 'staff' });
  const browser = newBrowser();
  const response = await browser.post('/login', { email: staff.email, password: TEST_PASSWORD });
  expect(response.headers.get('location')).toBe('/staff');
  return browser;
}

describe('security headers in production', () => {
  it('sends HSTS, nosniff, frame denial, a referrer policy and a strict CSP', async () => {
    const response = await fetch(`${portal.url}/login`, viaProxy());
    expect(response.status).toBe(200);
    const headers = response.headers;
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('same-origin');
    const csp = headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'$/);
  });

  it('gives every script tag of the page the nonce of its own response, and a new nonce each time', async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${portal.url}/login`, viaProxy());
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1];
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(1);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('gives API answers HSTS, nosniff, frame denial and a policy that lets nothing load or run', async () => {
    const response = await fetch(`${portal.url}/api/v1/clients`, viaProxy());
    expect(response.status).toBe(401);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('gives static assets the same protective headers', async () => {
    const html = await (await fetch(`${portal.url}/login`, viaProxy())).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    const response = await fetch(portal.url + stylesheet, viaProxy());
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('https', () => {
  it('redirects a plain http request to the same page on PUBLIC_URL', async () => {
    const page = await fetch(`${portal.url}/login?redirectTo=%2Fstaff`, { redirect: 'manual' });
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe(`${PUBLIC_URL}/login?redirectTo=%2Fstaff`);
    const form = await fetch(`${portal.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'a@b.example' }), redirect: 'manual' });
    expect([form.status, form.headers.get('location')]).toEqual([308, `${PUBLIC_URL}/login`]);
  });

  it('answers load balancer probes over plain http', async () => {
    const health = await fetch(`${portal.url}/healthz`, { redirect: 'manual' });
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${portal.url}/readyz`, { redirect: 'manual' });
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('sets the session cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const staff = await buildUser({ role: 'staff' });
    const response = await newBrowser().post('/login', { email: staff.email, password: TEST_PASSWORD });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^monoliet_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a sign-in form posted from another site, and accepts the portal’s own', async () => {
    const staff = await buildUser({ role: 'staff' });
    const form = new URLSearchParams({ email: staff.email, password: TEST_PASSWORD });
    const forged = await fetch(`${portal.url}/login`, viaProxy({ method: 'POST', body: form, headers: { Origin: 'https://evil.example' } }));
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
    expect(await forged.text()).toContain('came from another site');
    const own = await fetch(`${portal.url}/login`, viaProxy({ method: 'POST', body: form, headers: { Origin: PUBLIC_URL } }));
    expect([own.status, own.headers.get('location')]).toEqual([302, '/staff']);
  });

  it('refuses a signed-in user’s form posted from another site, even with the right token', async () => {
    const browser = await signedInStaff();
    const html = await (await browser.get('/staff')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const forged = await browser.request('/logout', { method: 'POST', body: new URLSearchParams({ _csrf: token }), headers: { Origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect((await browser.get('/staff')).status).toBe(200);
  });

  it('uses the Referer when a browser sends no Origin, and refuses a cookie request with neither', async () => {
    const browser = await signedInStaff();
    const html = await (await browser.get('/staff')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const body = () => new URLSearchParams({ _csrf: token });
    const noOrigin = await browser.request('/logout', { method: 'POST', body: body() });
    expect(noOrigin.status).toBe(403);
    const foreignReferer = await browser.request('/logout', { method: 'POST', body: body(), headers: { Referer: 'https://evil.example/page' } });
    expect(foreignReferer.status).toBe(403);
    const ownReferer = await browser.request('/logout', { method: 'POST', body: body(), headers: { Referer: `${PUBLIC_URL}/staff` } });
    expect([ownReferer.status, ownReferer.headers.get('location')]).toEqual([302, '/login']);
  });

  it('refuses a same-site form without the session’s token, or with a wrong one', async () => {
    const browser = await signedInStaff();
    const missing = await browser.post('/logout', {});
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('Reload the page and try again');
    const wrong = await browser.post('/logout', { _csrf: 'not-the-token' });
    expect(wrong.status).toBe(403);
    expect((await browser.get('/staff')).status).toBe(200);
    const right = await browser.post('/logout', {});
    expect([right.status, right.headers.get('location')]).toEqual([302, '/login']);
  });

  it('lets an API call with a Bearer token through from anywhere, but not the same call made with the cookie', async () => {
    const browser = await signedInStaff();
    const call = (headers: Record<string, string>) =>
      browser.request('/api/v1/executions', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', ...headers } });
    const withCookie = await call({});
    expect(withCookie.status).toBe(403);
    expect(await withCookie.json()).toMatchObject({ error: { code: 'forbidden' } });
    // past the CSRF check, the request reaches the API's routing (and its own token check)
    const withBearer = await call({ Authorization: 'Bearer mlt_some_api_token' });
    expect(withBearer.status).not.toBe(403);
  });
});

describe('CORS for the API', () => {
  const preflight = (origin: string) =>
    fetch(`${portal.url}/api/v1/clients`, viaProxy({ method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } }));

  it('answers the preflight of a listed origin, without allowing credentials', async () => {
    const response = await preflight('https://dashboard.partner.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://dashboard.partner.example');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses any other origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const page = await fetch(`${portal.url}/api/v1/clients`, viaProxy({ headers: { Origin: 'https://evil.example' } }));
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request bodies', () => {
  const twoMegabytes = 'x'.repeat(2 * 1024 * 1024);

  it('answers 413 with the error envelope for an API body over 1 MB', async () => {
    const response = await fetch(
      `${portal.url}/api/v1/executions`,
      viaProxy({ method: 'POST', body: JSON.stringify({ runs: [twoMegabytes] }), headers: { 'Content-Type': 'application/json', Authorization: 'Bearer mlt_x' } }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('1 MB') } });
  });

  it('counts the bytes of a chunked body that declares no length', async () => {
    const chunks = Array.from({ length: 40 }, () => new TextEncoder().encode('y'.repeat(64 * 1024)));
    const body = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${portal.url}/login`, viaProxy({ method: 'POST', body, duplex: 'half', headers: { Origin: PUBLIC_URL } } as RequestInit));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('larger than 1 MB');
  });

  it('still takes a form just under the limit', async () => {
    const form = new URLSearchParams({ email: 'nobody@example.com', password: 'wrong-password', notes: 'z'.repeat(900 * 1024) });
    const response = await fetch(`${portal.url}/login`, viaProxy({ method: 'POST', body: form, headers: { Origin: PUBLIC_URL } }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('do not match an active account');
  });
});

describe('logs', () => {
  it('writes one JSON line per request with its request id, and echoes a caller’s id', async () => {
    const response = await fetch(`${portal.url}/login`, viaProxy({ headers: { 'X-Request-Id': 'probe-req-0001' } }));
    expect(response.headers.get('x-request-id')).toBe('probe-req-0001');
    const generated = await fetch(`${portal.url}/login`, viaProxy());
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const line = await waitForLogLine((entry) => entry.req?.id === 'probe-req-0001');
    expect(line).toMatchObject({ level: 30, requestId: 'probe-req-0001', req: { method: 'GET', url: '/login' }, res: { statusCode: 200 } });
  });

  it('never writes a password, token, cookie or API key', async () => {
    const secrets = {
      password: 'Sup3r-Secret-Pa55word!',
      bearer: 'mlt_LiveToken9f8e7d6c5b4a',
      queryToken: 'ResetTok3nQwErTy123456',
      pathToken: 'InviteTok3nAsDfGh987654',
      apiKey: 'n8n_api_Key1234567890abcdef',
    };
    const staff = await buildUser({ role: 'staff' });
    const browser = newBrowser();
    await browser.post('/login', { email: staff.email, password: TEST_PASSWORD });
    const cookie = browser.cookie('monoliet_session')!;
    await browser.post('/login', { email: staff.email, password: secrets.password });
    await fetch(`${portal.url}/login?token=${secrets.queryToken}&redirectTo=%2Fstaff`, viaProxy({ headers: { 'X-Request-Id': 'secret-probe-1' } }));
    await fetch(`${portal.url}/invite/${secrets.pathToken}`, viaProxy({ headers: { 'X-Request-Id': 'secret-probe-2' } }));
    await fetch(`${portal.url}/api/v1/clients?api_key=${secrets.apiKey}`, viaProxy({ headers: { Authorization: `Bearer ${secrets.bearer}`, 'X-N8N-API-KEY': secrets.apiKey, 'X-Request-Id': 'secret-probe-3' } }));
    const lastLine = await waitForLogLine((entry) => entry.req?.id === 'secret-probe-3');
    expect(lastLine.req.url).toBe('/api/v1/clients?api_key=[redacted]');
    expect((await waitForLogLine((entry) => entry.req?.id === 'secret-probe-1')).req.url).toBe('/login?token=[redacted]&redirectTo=%2Fstaff');
    expect((await waitForLogLine((entry) => entry.req?.id === 'secret-probe-2')).req.url).toBe('/invite/[redacted]');
    const output = portal.output();
    for (const secret of [...Object.values(secrets), cookie, TEST_PASSWORD]) expect(output).not.toContain(secret);
  });
});

type LogEntry = { level: number; msg: string; requestId?: string; req?: { id?: string; method?: string; url: string }; res?: { statusCode: number } };

/** The request line is written when the response finishes, which can be just after the client has it. */
async function waitForLogLine(match: (entry: LogEntry) => boolean): Promise<LogEntry & { req: NonNullable<LogEntry['req']> }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const entries = portal
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogEntry);
    const found = entries.find(match);
    if (found) return found as LogEntry & { req: NonNullable<LogEntry['req']> };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no matching log line in:\n${portal.output()}`);
}
