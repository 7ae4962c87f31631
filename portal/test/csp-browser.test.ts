import { createServer } from 'node:net';
import { chromium, type Browser as Chromium } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from './factories';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { productionEnv } from './helpers/production';

// A real browser against a production-mode portal: the strict CSP must let Remix hydrate and navigate,
// and the forms (sign-in, sign-out with its CSRF token) must work through JavaScript.
let portal: PortalProcess;
let browser: Chromium;

function findFreePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

beforeAll(async () => {
  // Chromium on plain http: PUBLIC_URL must be the address it opens, which production allows explicitly
  const port = await findFreePort();
  portal = await startPortal({ env: productionEnv({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ALLOW_INSECURE_PUBLIC_URL: 'true' }) });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

it('hydrates under the strict CSP and signs in and out through JavaScript', async () => {
  const staff = await buildUser({ role: 'staff' });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // failed loads are reported (with their URL) by the response listener below
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    // the portal has no favicon; the browser asks anyway
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('.data')) dataRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });

  await page.goto(`${portal.url}/login`);
  await page.waitForFunction(() => '__remixRouter' in window);
  await page.fill('input[name="email"]', staff.email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL('**/staff');
  await expect(page.textContent('[data-testid="current-email"]')).resolves.toBe(staff.email);

  await page.click('text=Sign out');
  await page.waitForURL('**/login');
  expect(await page.context().cookies()).toEqual([]);
  // both forms went through Remix's fetch (hydrated), not a full page load
  expect(dataRequests).toEqual(expect.arrayContaining(['POST /login.data', 'POST /logout.data']));
  expect(problems).toEqual([]);
});
