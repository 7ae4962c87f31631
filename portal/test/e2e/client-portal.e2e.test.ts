import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { Client, Workflow } from '~/models/index.server';
import { describeWorkingDays, formatHours, formatNumber, formatPercent } from '~/lib/format';
import { recordRuns } from '~/services/ingest.server';
import { DEMO_CLIENT } from '~/services/sample-data/catalog';
import { loadSampleData } from '~/services/sample-data/load.server';
import { findUserByEmail } from '~/services/users.server';
import { apiClient, tokenFor } from '../helpers/api';
import { launchBrowser, screenshot, signInAs } from '../helpers/browser';
import { startPortal, type PortalProcess } from '../helpers/portal-process';

// The demo agency in this file's database; Maria (Acme Logistics) looks at her automations.
let portal: PortalProcess;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  await loadSampleData();
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  api = apiClient(portal.url, await tokenFor((await findUserByEmail(DEMO_CLIENT.email))!));
  // the demo agency has about 110,000 runs: on a busy 2-core machine this takes longer than a minute
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function signedInPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInAs({ page, baseUrl: portal.url, email: DEMO_CLIENT.email, password: DEMO_CLIENT.password });
  return page;
}

/** Script errors of a page (a failed hydration shows up here), leaving out missing resources such as a favicon. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return errors;
}

/**
 * What the API answers around a page load: read just before and just after it. The figures cover the last N
 * UTC days, so a midnight in between moves the period and the page shows one of the two answers (the page
 * must then match that one exactly); otherwise both reads are the same answer.
 */
async function readAroundLoad<T>({ read, load }: { read: () => Promise<T>; load: () => Promise<void> }): Promise<T[]> {
  const before = await read();
  await load();
  const after = await read();
  return isDeepStrictEqual(before, after) ? [before] : [before, after];
}

/** The answer whose figures the page shows (or, when none does, the last one, so the failure shows the difference). */
function answerShown<T, F>({ answers, figuresOf, shown }: { answers: T[]; figuresOf: (answer: T) => F; shown: F }): { answer: T; expected: F } {
  const answer = answers.find((candidate) => isDeepStrictEqual(figuresOf(candidate), shown)) ?? answers.at(-1)!;
  return { answer, expected: figuresOf(answer) };
}

async function workflowOf({ slug, name }: { slug: string; name: string }) {
  const client = (await Client.findOne({ where: { slug } }))!;
  return (await Workflow.findOne({ where: { clientId: client.id, name } }))!;
}

describe('the client dashboard', () => {
  it('shows the same 30-day figures as GET /api/v1/executions/stats, and the chart for 7 days', async () => {
    const page = await signedInPage();
    const errors = collectErrors(page);
    const monthStats = () => api('GET', '/executions/stats?days=30').then((answer) => answer.body);
    const answers = await readAroundLoad({ read: monthStats, load: async () => void (await page.reload()) });

    const kpi = async (id: string) => ({ text: await page.getByTestId(id).textContent(), value: await page.getByTestId(id).getAttribute('data-value') });
    const shown = { runs: await kpi('kpi-runs'), successRate: await kpi('kpi-success-rate'), failures: await kpi('kpi-failures'), hoursSaved: await kpi('kpi-hours-saved') };
    const { answer: stats, expected } = answerShown({
      answers,
      shown,
      figuresOf: (s) => ({
        runs: { text: formatNumber(s.total), value: String(s.total) },
        successRate: { text: formatPercent(s.successRate), value: String(s.successRate) },
        failures: { text: formatNumber(s.error), value: String(s.error) },
        hoursSaved: { text: formatHours(s.minutesSaved), value: String(s.minutesSaved) },
      }),
    });
    expect(stats.total).toBeGreaterThan(1000);
    expect(shown).toEqual(expected);
    expect(await page.getByText(describeWorkingDays(stats.minutesSaved)!).count()).toBe(1);
    // the failing demo workflow has an open alert
    expect(await page.getByTestId('open-alerts').textContent()).toContain('Invoice OCR → Xero');
    // the ticket and invoice cards show what the tickets and invoices APIs say
    const unresolved = (await api('GET', '/tickets?status=open,in_progress&order=-updatedAt&limit=100')).body.data;
    expect(unresolved.length).toBeGreaterThan(0);
    expect(await page.getByTestId('open-tickets').textContent()).toBe(String(unresolved.length));
    expect(await page.getByText(unresolved[0].subject).count()).toBeGreaterThan(0);
    const [firstDue] = (await api('GET', '/invoices?status=pending,overdue&order=dueDate&limit=1')).body.data;
    expect(await page.getByTestId('next-invoice').textContent()).toContain(firstDue.number);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    // the whole page in the window (so the fixed sidebar spans it) and no chart tooltip under the pointer
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.mouse.move(0, 0);
    await screenshot(page, 'dashboard');

    const weekAnswers = await readAroundLoad({
      read: async () => ({ month: await monthStats(), week: (await api('GET', '/executions/stats?days=7')).body }),
      load: async () => {
        await page.getByRole('link', { name: '7 days' }).click();
        await page.waitForURL(/range=7/);
        await page.getByRole('link', { name: '7 days', exact: true }).and(page.locator('[aria-current="true"]')).waitFor();
      },
    });
    const rows = page.locator('[data-testid="runs-chart"] table tbody tr');
    expect(await rows.count()).toBe(7);
    // the chart shows the 7 days, and the KPI cards stay on 30 days
    const weekShown = {
      runsPerDay: await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[2]!.textContent))),
      kpiRuns: await page.getByTestId('kpi-runs').textContent(),
    };
    const chart = answerShown({
      answers: weekAnswers,
      shown: weekShown,
      figuresOf: ({ month, week }) => ({ runsPerDay: week.series.map((day: { total: number }) => day.total), kpiRuns: formatNumber(month.total) }),
    });
    expect(weekShown).toEqual(chart.expected);
    await screenshot(page, 'dashboard-7-days');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('workflow pages', () => {
  it('lists the workflows, opens one and filters its failures', async () => {
    const page = await signedInPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    await page.waitForURL(/\/workflows$/);
    // the URL changes a moment before the new page is rendered
    await page.getByRole('heading', { name: 'Workflows', level: 1 }).waitFor();
    const listed = (await api('GET', '/workflows?limit=100')).body.data.map((w: { name: string }) => w.name);
    const names = await page.getByTestId('workflow-list').locator('tbody tr td:first-child a').allTextContents();
    expect(names).toEqual(listed);
    await screenshot(page, 'workflows');

    await page.getByRole('link', { name: 'Invoice OCR → Xero' }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Invoice OCR → Xero' }).waitFor();
    await screenshot(page, 'workflow');

    await page.getByLabel('Status').selectOption({ label: 'Failed' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/status=failed/);
    // rendered with the filtered data once "Clear" (shown only for active filters) is there
    await page.getByRole('link', { name: 'Clear' }).waitFor();
    const statuses = await page.locator('tbody tr td:first-child').allTextContents();
    expect(statuses.length).toBe(25);
    expect(new Set(statuses)).toEqual(new Set(['Failed']));
    const workflowId = new URL(page.url()).pathname.split('/').at(-1);
    const failures = (await api('GET', `/executions?workflow=${workflowId}&status=error,crashed&limit=25`)).body.data;
    const shown = await page.locator('tbody tr time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(shown).toEqual(failures.map((run: { startedAt: string }) => run.startedAt));
    await screenshot(page, 'workflow-failures');

    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=/);
    await page.getByRole('link', { name: 'First page' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    expect(new Set(await page.locator('tbody tr td:first-child').allTextContents())).toEqual(new Set(['Failed']));
    await page.close();
  });

  it('refreshes a workflow page every 30 seconds without reloading it', async () => {
    const workflow = await workflowOf({ slug: 'acme-logistics', name: 'Daily KPI report to Slack' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.clock.install();
    await signInAs({ page, baseUrl: portal.url, email: DEMO_CLIENT.email, password: DEMO_CLIENT.password });
    await page.goto(`${portal.url}/workflows/${workflow.id}`);
    // the page refreshes once its script runs, which the indicator says
    await page.getByTestId('refreshed-at').getByText('refreshes every 30 s').waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const before = await page.getByTestId('refreshed-at').getAttribute('data-refreshed-at');

    const startedAt = new Date().toISOString();
    await recordRuns({
      instanceId: workflow.instanceId,
      source: 'push',
      reports: [{ executionId: 'refresh-1', workflowId: workflow.n8nWorkflowId, status: 'error', startedAt, errorMessage: 'Slack answered 503 - service unavailable', errorNode: 'Slack' }],
    });
    await page.clock.fastForward('00:31');
    await page.locator('tbody').getByText('Slack answered 503 - service unavailable').waitFor();
    expect(await page.getByTestId('refreshed-at').getAttribute('data-refreshed-at')).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.close();
  });

  it("shows the 404 page for another client's workflow, an unknown one and a malformed id", async () => {
    const theirs = await workflowOf({ slug: 'northwind-retail', name: 'Abandoned cart follow-up' });
    const page = await signedInPage();
    for (const path of [`/workflows/${theirs.id}`, '/workflows/00000000-0000-4000-8000-000000000000', '/workflows/not-an-id']) {
      const response = await page.goto(`${portal.url}${path}`);
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.content()).not.toContain('Abandoned cart');
    }
    await screenshot(page, 'workflow-not-found');
    await page.close();
  });
});
