import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// Browser tests drive the system Chromium (Debian's `chromium`, installed by .ci/run); Playwright never
// downloads a browser here.
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the real form and waits for the landing page. */
export async function signInAs({ page, baseUrl, email, password }: { page: Page; baseUrl: string; email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** Saves a full-page screenshot into the git-ignored test-artifacts/screenshots folder for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Waits until a locator matches exactly `count` elements (a client-side navigation can change the URL
 * before the new rows are rendered); fails with the last count after the timeout.
 */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await locator.count();
  }
  if (seen !== count) throw new Error(`expected ${count} matches of ${locator}, found ${seen}`);
}
