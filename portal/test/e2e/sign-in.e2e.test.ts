import type { Browser } from 'playwright-core';
import { buildClient, buildUser, TEST_PASSWORD } from '../factories';
import { launchBrowser, screenshot, signInAs } from '../helpers/browser';
import { startPortal, type PortalProcess } from '../helpers/portal-process';

let portal: PortalProcess;
let browser: Browser;
beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('signing in with a browser', () => {
  it('shows a wrong password next to the form, then lands a client user on their dashboard', async () => {
    const client = await buildClient({ companyName: 'Stark Industries' });
    const user = await buildUser({ client, email: 'pepper@stark.example' });
    const page = await browser.newPage();
    await page.goto(`${portal.url}/login`);
    await screenshot(page, 'login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('do not match an active account');

    await signInAs({ page, baseUrl: portal.url, email: user.email, password: TEST_PASSWORD });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('current-client').textContent()).toBe('Stark Industries');
    await page.close();
  });

  it('lands staff on /staff and signs out', async () => {
    const staff = await buildUser({ role: 'staff', email: 'happy@agency.example' });
    const page = await browser.newPage();
    await signInAs({ page, baseUrl: portal.url, email: staff.email, password: TEST_PASSWORD });
    expect(new URL(page.url()).pathname).toBe('/staff');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${portal.url}/staff`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });
});
