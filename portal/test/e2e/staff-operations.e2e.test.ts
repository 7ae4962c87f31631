import type { Browser, Page } from 'playwright-core';
import { AuditLogEntry, Email, ExecutionRun } from '~/models/index.server';
import { sealSecret } from '~/services/secrets.server';
import { buildInstance, buildUser, TEST_PASSWORD } from '../factories';
import { launchBrowser, screenshot, signInAs, waitForCount } from '../helpers/browser';
import { serveFakeN8n } from '../helpers/fake-n8n';
import { buildDeadJob } from '../helpers/jobs';
import { startPortal, type PortalProcess } from '../helpers/portal-process';
import { waitFor } from '../helpers/wait';

// Staff operations: "Sync now" on an n8n instance (a fake n8n over real HTTP) with its progress, and
// failed jobs run again or deleted from /staff/jobs.
let portal: PortalProcess;
let browser: Browser;
let n8n: Awaited<ReturnType<typeof serveFakeN8n>>;
beforeAll(async () => {
  n8n = await serveFakeN8n();
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await n8n?.close();
});

async function staffPage(): Promise<Page> {
  const staff = await buildUser({ role: 'staff' });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInAs({ page, baseUrl: portal.url, email: staff.email, password: TEST_PASSWORD });
  return page;
}

/** Holds n8n's answers for a next page of executions until `release` is called, so the sync is seen half-way. */
function holdNextExecutionsPages(): { release: () => void } {
  const fake = n8n.fake;
  const answer = fake.fetch.bind(fake);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  fake.fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/executions') && url.searchParams.has('cursor')) await gate;
    return answer(request);
  };
  return { release };
}

describe('n8n instances', () => {
  it('syncs now and shows the progress until the sync finishes, then the sync history', async () => {
    const remote = n8n.fake.addWorkflow({ name: 'Orders to ERP' });
    n8n.fake.addExecutions({ count: 400, workflowIds: [remote.id], from: new Date('2026-04-01T00:00:00Z') });
    const instance = await buildInstance({ name: 'Production n8n', baseUrl: n8n.fake.baseUrl, identity: n8n.fake.baseUrl, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: n8n.fake.apiKey }) });
    const held = holdNextExecutionsPages();
    const page = await staffPage();

    await page.getByRole('link', { name: 'n8n instances', exact: true }).click();
    await page.getByRole('link', { name: 'Production n8n' }).click();
    await page.getByRole('heading', { name: 'Production n8n', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Test connection' }).click();
    expect(await page.getByTestId('connection-test').textContent()).toBe('Connected: the API key can list workflows and executions');

    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.waitForURL(/\?run=/);
    const progress = page.getByTestId('sync-progress');
    // half-way: the page refreshes itself and shows the first page of runs while the sync runs
    await page.locator('[data-testid="sync-progress"][data-status="running"]').waitFor();
    await waitFor(async () => (await progress.getByTestId('sync-pages').textContent()) === '1', { what: 'the first page in the progress' });
    expect(await page.getByRole('heading', { name: 'Sync in progress' }).count()).toBe(1);
    await screenshot(page, 'staff-instance-sync-progress');

    held.release();
    await page.locator('[data-testid="sync-progress"][data-status="ok"]').waitFor({ timeout: 30_000 });
    expect(await progress.getByTestId('sync-executions').textContent()).toBe('400');
    expect(await progress.getByTestId('sync-inserted').textContent()).toBe('400');
    expect(await progress.getByTestId('sync-workflows').textContent()).toBe('1');
    expect(await ExecutionRun.count({ where: { instanceId: instance.id } })).toBe(400);
    const history = page.getByRole('table', { name: 'Sync history' }).getByRole('row').filter({ hasText: 'Sync now' });
    await waitForCount(history, 1);
    expect(await history.textContent()).toContain('OK');
    expect(await AuditLogEntry.count({ where: { action: 'n8n_instance.sync', targetId: instance.id } })).toBe(1);
  });
});

describe('jobs', () => {
  it('runs a dead job again and deletes another, each after a confirmation, and audits both', async () => {
    const mail = await Email.create({ template: 'ticket-created', toAddresses: ['ops@acme.example'], subject: 'We received your request', html: '<p>Hi</p>', text: 'Hi', status: 'failed', error: 'connection refused', sentAt: null, clientId: null });
    const retryId = await buildDeadJob({ queue: 'email', data: { emailId: mail.id }, error: 'Mail not sent: connection refused' });
    const deleteId = await buildDeadJob({ queue: 'webhook', data: { deliveryId: '00000000-0000-4000-8000-000000000001' }, error: 'Webhook not delivered: 410 Gone' });
    const page = await staffPage();

    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.getByRole('heading', { name: 'Jobs', exact: true }).waitFor();
    expect(await page.getByTestId('dead-email').textContent()).toBe('1');
    expect(await page.getByTestId('dead-webhook').textContent()).toBe('1');
    const failed = page.getByRole('table', { name: 'Failed jobs' }).getByRole('row').filter({ has: page.getByRole('button', { name: /^Retry / }) });
    await waitForCount(failed, 2);
    await screenshot(page, 'staff-jobs');

    await page.getByRole('button', { name: `Retry email job ${retryId}` }).click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Run 1 job again?');
    expect(await dialog.getByTestId('confirm-items').textContent()).toBe(`email: {"emailId":"${mail.id}"} (Mail not sent: connection refused)`);
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('status').filter({ hasText: '1 job queued to run again.' }).waitFor();
    await waitForCount(failed, 1);
    // the portal's worker runs it: without SMTP the mail lands in the outbox
    await waitFor(async () => (await mail.reload()).status === 'outbox', { what: 'the retried mail' });

    await page.getByRole('button', { name: `Delete webhook job ${deleteId}` }).click();
    expect(await dialog.getByRole('heading').textContent()).toBe('Delete 1 job?');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: '1 job deleted.' }).waitFor();
    await page.getByText('No failed jobs').waitFor();
    expect(await page.getByTestId('dead-webhook').textContent()).toBe('0');

    expect(await AuditLogEntry.count({ where: { action: 'job.retry', targetId: retryId } })).toBe(1);
    const deleted = await AuditLogEntry.findOne({ where: { action: 'job.delete', targetId: deleteId } });
    expect(deleted?.metadata).toEqual({ queue: 'webhook', data: { deliveryId: '00000000-0000-4000-8000-000000000001' } });
  });
});
