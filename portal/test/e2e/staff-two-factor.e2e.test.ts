import { authenticator } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../factories';
import { launchBrowser, screenshot, signInAs, waitForCount } from '../helpers/browser';
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

const codeAt = (secret: string, offsetSeconds = 0) => authenticator.clone({ epoch: Date.now() + offsetSeconds * 1000 }).generate(secret);

/** Scans nothing: reads the key shown under the QR code, confirms with a code, returns the secret and the recovery codes. */
async function enrol(page: Page) {
  await page.getByRole('heading', { name: 'Set up two-factor authentication', exact: true }).waitFor();
  expect(await page.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  await screenshot(page, 'staff-two-factor-setup');
  await page.getByLabel('Code from the app').fill(codeAt(secret));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  await waitForCount(page.getByTestId('recovery-codes').locator('li'), 10);
  const recoveryCodes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login$/);
}

/** The password step; a user with two-factor lands on the code step. */
async function enterPassword({ page, baseUrl, email }: { page: Page; baseUrl: string; email: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/login\/two-factor$/), page.getByRole('button', { name: 'Sign in' }).click()]);
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

describe('staff two-factor sign-in in a browser', () => {
  it('enrols with the key from the page, then signs in with password and code; a wrong code is refused', async () => {
    const staff = await buildUser({ role: 'staff', email: 'totp@agency.example' });
    const page = await browser.newPage();
    await signInAs({ page, baseUrl: portal.url, email: staff.email, password: TEST_PASSWORD });
    await page.goto(`${portal.url}/staff/account`);
    await page.getByRole('link', { name: 'Set up two-factor' }).click();
    const { secret, recoveryCodes } = await enrol(page);
    expect(new Set(recoveryCodes).size).toBe(10);
    await page.getByRole('link', { name: 'I have saved my recovery codes' }).click();
    await page.getByText('Two-factor authentication is on.').waitFor();
    expect(await page.getByTestId('recovery-codes-left').textContent()).toBe('10');
    await signOut(page);

    await enterPassword({ page, baseUrl: portal.url, email: staff.email });
    // the pending sign-in opens no staff page
    await page.goto(`${portal.url}/staff`);
    expect(new URL(page.url()).pathname).toBe('/login/two-factor');
    await enterCode(page, ['000000', '111111'].find((code) => ![-30, 0, 30].some((offset) => codeAt(secret, offset) === code))!);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('That code is not right');
    await screenshot(page, 'staff-two-factor-wrong-code');

    // the enrolment used this step's code, so the next step's is the one that works (one step of drift is allowed)
    await Promise.all([page.waitForURL(`${portal.url}/staff`), enterCode(page, codeAt(secret, 30))]);
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await signOut(page);

    // a recovery code works once
    await enterPassword({ page, baseUrl: portal.url, email: staff.email });
    await Promise.all([page.waitForURL(`${portal.url}/staff`), enterCode(page, recoveryCodes[0]!)]);
    await signOut(page);
    await enterPassword({ page, baseUrl: portal.url, email: staff.email });
    await enterCode(page, recoveryCodes[0]!);
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/two-factor');
    await page.close();
  });

  it('with REQUIRE_STAFF_2FA sends a staff user without it to the setup before any staff page', async () => {
    const strict = await startPortal({ env: { REQUIRE_STAFF_2FA: 'true' } });
    try {
      const staff = await buildUser({ role: 'staff', email: 'newcomer@agency.example' });
      const page = await browser.newPage();
      await signInAs({ page, baseUrl: strict.url, email: staff.email, password: TEST_PASSWORD });
      expect(new URL(page.url()).pathname).toBe('/staff/account/two-factor');
      await page.getByText('Two-factor authentication is required').waitFor();
      await page.goto(`${strict.url}/staff/users`);
      expect(new URL(page.url()).pathname).toBe('/staff/account/two-factor');

      await enrol(page);
      await page.goto(`${strict.url}/staff/users`);
      await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/staff/users');
      await page.close();
    } finally {
      await strict.stop();
    }
  });
});
