import http from 'node:http';
import net from 'node:net';
import { buildUser, TEST_PASSWORD } from './factories';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { productionEnv, PUBLIC_URL, VIA_HTTPS_PROXY } from './helpers/production';

// A slow client keeps a real request in flight: it sends the headers and half of a sign-in form, and
// the rest only when the test says so.
function startSlowSignIn(portal: PortalProcess, { email }: { email: string }) {
  const body = new URLSearchParams({ email, password: TEST_PASSWORD }).toString();
  const half = Math.floor(body.length / 2);
  const request = http.request(`${portal.url}/login`, {
    method: 'POST',
    headers: {
      ...VIA_HTTPS_PROXY,
      Origin: PUBLIC_URL,
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': String(body.length),
      // the server answers "100 Continue" once it has the request: from then on it is in flight
      Expect: '100-continue',
    },
  });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on('response', resolve);
    request.on('error', reject);
  });
  const inFlight = new Promise<void>((resolve) => request.once('continue', resolve)).then(() => {
    request.write(body.slice(0, half));
  });
  return {
    inFlight,
    response,
    finish: () => request.end(body.slice(half)),
  };
}

function exitCode(portal: PortalProcess) {
  return new Promise<number | null>((resolve) => {
    if (portal.child.exitCode !== null) resolve(portal.child.exitCode);
    else portal.child.once('exit', (code) => resolve(code));
  });
}

async function waitForOutput(portal: PortalProcess, text: string) {
  for (let attempt = 0; attempt < 200 && !portal.output().includes(text); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(portal.output()).toContain(text);
}

describe('graceful shutdown', () => {
  // the client keeps its connection alive after the answer: the drain must close it once it is idle
  it('lets a request in flight finish after SIGTERM, refuses new connections, then exits 0', async () => {
    const portal = await startPortal({ env: productionEnv() });
    const staff = await buildUser({ role: 'staff' });
    const signIn = startSlowSignIn(portal, { email: staff.email });
    await signIn.inFlight;
    const exited = exitCode(portal);

    portal.child.kill('SIGTERM');
    await waitForOutput(portal, 'shutting down');
    await expect(fetch(`${portal.url}/healthz`)).rejects.toThrow();

    signIn.finish();
    const response = await signIn.response;
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/staff');
    expect(response.headers['set-cookie']?.[0]).toMatch(/^monoliet_session=/);
    expect(await exited).toBe(0);
    expect(portal.output()).toContain('"msg":"stopped"');
  });

  it('tells the load balancer it is stopping when asked on a connection that is still open', async () => {
    const portal = await startPortal({ env: productionEnv() });
    const staff = await buildUser({ role: 'staff' });
    const body = new URLSearchParams({ email: staff.email, password: TEST_PASSWORD }).toString();
    const socket = net.connect(Number(new URL(portal.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    const head = [
      'POST /login HTTP/1.1',
      'Host: portal.example',
      'X-Forwarded-Proto: https',
      `Origin: ${PUBLIC_URL}`,
      'Content-Type: application/x-www-form-urlencoded',
      `Content-Length: ${body.length}`,
      'Expect: 100-continue',
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    for (let attempt = 0; attempt < 200 && !received.includes('100 Continue'); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    const exited = exitCode(portal);
    portal.child.kill('SIGTERM');
    await waitForOutput(portal, 'shutting down');
    // the rest of the sign-in, then a readiness probe pipelined on the same connection
    socket.write(`${body}GET /readyz HTTP/1.1\r\nHost: portal.example\r\n\r\n`);
    await closed;
    expect(received).toMatch(/HTTP\/1\.1 302 Found[\s\S]*HTTP\/1\.1 503 Service Unavailable[\s\S]*\{"status":"stopping"\}/);
    expect(await exited).toBe(0);
  });

  it('exits at once with code 1 on a second signal', async () => {
    const portal = await startPortal({ env: productionEnv() });
    const staff = await buildUser({ role: 'staff' });
    const signIn = startSlowSignIn(portal, { email: staff.email });
    signIn.response.catch(() => undefined);
    await signIn.inFlight;
    const exited = exitCode(portal);
    portal.child.kill('SIGTERM');
    await waitForOutput(portal, 'shutting down');
    portal.child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(portal.output()).toContain('forced exit: second SIGINT while draining');
  });

  it('gives up on requests that outlast SHUTDOWN_TIMEOUT_SECONDS and exits 1', async () => {
    const portal = await startPortal({ env: productionEnv({ SHUTDOWN_TIMEOUT_SECONDS: '1' }) });
    const staff = await buildUser({ role: 'staff' });
    const signIn = startSlowSignIn(portal, { email: staff.email });
    signIn.response.catch(() => undefined);
    await signIn.inFlight;
    expect(await portal.stop('SIGTERM')).toBe(1);
    expect(portal.output()).toContain('forced exit: requests still running after 1000 ms');
  });
});
