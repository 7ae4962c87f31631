import type { Browser, Page } from 'playwright-core';
import { AuditLogEntry, Workflow } from '~/models/index.server';
import { sealSecret } from '~/services/secrets.server';
import { buildClient, buildInstance, buildUser, buildWorkflow, TEST_PASSWORD } from '../factories';
import { apiClient, tokenFor } from '../helpers/api';
import { launchBrowser, screenshot, signInAs, waitForCount } from '../helpers/browser';
import { serveFakeN8n } from '../helpers/fake-n8n';
import { startPortal, type PortalProcess } from '../helpers/portal-process';

// Staff run the workflows from /staff/workflows: the unassigned queue, assignment one by one and in bulk,
// and switching a workflow on and off in n8n (a fake n8n served over real HTTP, since the portal is
// another process).
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

const instanceOfFake = () => buildInstance({ name: `n8n ${Math.random().toString(36).slice(2, 8)}`, baseUrl: n8n.fake.baseUrl, identity: `${n8n.fake.baseUrl}/${Math.random()}`, apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: n8n.fake.apiKey }) });

async function staffPage(): Promise<Page> {
  const staff = await buildUser({ role: 'staff' });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInAs({ page, baseUrl: portal.url, email: staff.email, password: TEST_PASSWORD });
  return page;
}

const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('staff workflows', () => {
  it('assigns an unassigned workflow, then two in bulk, after a confirmation; the client sees its workflow', async () => {
    const instance = await instanceOfFake();
    const acme = await buildClient({ companyName: 'Acme Logistics' });
    const globex = await buildClient({ companyName: 'Globex Corporation' });
    const router = await buildWorkflow({ instance, name: 'Lead router' });
    const sync = await buildWorkflow({ instance, name: 'Stock sync' });
    const labels = await buildWorkflow({ instance, name: 'Carrier labels' });
    await buildWorkflow({ instance, client: acme, name: 'Invoice OCR' });
    const page = await staffPage();

    await page.getByRole('link', { name: 'Workflows', exact: true }).click();
    await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
    await page.getByRole('link', { name: /^Unassigned/ }).click();
    await page.waitForURL(/view=unassigned/);
    const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select (?!all)/ }) });
    await waitForCount(rows, 3);
    expect(await page.getByTestId('count-unassigned').textContent()).toBe('3');
    await screenshot(page, 'staff-workflows-unassigned');

    // one at a time: tick it, choose the client, confirm
    await page.getByRole('checkbox', { name: 'Select Lead router' }).check();
    await page.getByLabel('Client to assign').selectOption({ label: 'Acme Logistics' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Assign 1 workflow to Acme Logistics?');
    expect(await dialog.getByTestId('confirm-items').textContent()).toBe('Lead router');
    expect((await router.reload()).clientId).toBeNull();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await notice(page, '1 workflow assigned.');
    await waitForCount(rows, 2);
    expect((await router.reload()).clientId).toBe(acme.id);

    // the client sees it in its portal and through the API
    const maria = await buildUser({ client: acme });
    const clientPage = await browser.newPage();
    await signInAs({ page: clientPage, baseUrl: portal.url, email: maria.email, password: TEST_PASSWORD });
    await clientPage.goto(`${portal.url}/workflows`);
    await clientPage.getByTestId('workflow-list').getByText('Lead router').waitFor();
    const listed = await apiClient(portal.url, await tokenFor(maria))('GET', '/workflows');
    expect(listed.body.data.map((w: { name: string }) => w.name).sort()).toEqual(['Invoice OCR', 'Lead router']);
    await clientPage.close();

    // in bulk: tick all, confirm, both move
    await page.getByTestId('select-all').check();
    await page.getByLabel('Client to assign').selectOption({ label: 'Globex Corporation' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Assign 2 workflows to Globex Corporation?');
    expect(await dialog.getByTestId('confirm-items').locator('li').allTextContents()).toEqual(['Carrier labels', 'Stock sync']);
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await notice(page, '2 workflows assigned.');
    await page.getByText('No unassigned workflows').waitFor();
    expect((await sync.reload()).clientId).toBe(globex.id);
    expect((await labels.reload()).clientId).toBe(globex.id);
    const audited = await AuditLogEntry.findAll({ where: { action: 'workflow.update' } });
    expect(audited.map((entry) => entry.targetId).sort()).toEqual([router.id, sync.id, labels.id].sort());
  });

  it('sets minutes saved and the expected interval, and asks before taking a workflow away from its client', async () => {
    const acme = await buildClient({ companyName: 'Acme Settings' });
    const workflow = await buildWorkflow({ instance: await instanceOfFake(), client: acme, name: 'Order intake' });
    const page = await staffPage();
    await page.goto(`${portal.url}/staff/workflows/${workflow.id}`);
    await page.getByLabel('Minutes saved per successful run').fill('12.5');
    await page.getByLabel('Expected interval (minutes)').fill('60');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await notice(page, 'Settings saved.');
    await workflow.reload();
    expect([Number(workflow.minutesSavedPerRun), workflow.expectedIntervalMinutes]).toEqual([12.5, 60]);

    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'No client (unassigned)' });
    await page.getByRole('button', { name: 'Save settings' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Take “Order intake” away from Acme Settings?');
    expect((await workflow.reload()).clientId).toBe(acme.id);
    await dialog.getByRole('button', { name: 'Move it' }).click();
    // the page was already at ?done=saved: wait for the new data rather than the notice
    await page.getByTestId('workflow-client').filter({ hasText: /^Unassigned$/ }).waitFor();
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    expect((await workflow.reload()).clientId).toBeNull();
  });

  it('switches a workflow on and off in n8n, and shows what n8n answered when it fails', async () => {
    const remote = n8n.fake.addWorkflow({ name: 'Lead scoring', active: false });
    const workflow = await buildWorkflow({ instance: await instanceOfFake(), client: await buildClient(), n8nWorkflowId: remote.id, name: 'Lead scoring', status: 'paused', active: false });
    const page = await staffPage();
    await page.goto(`${portal.url}/staff/workflows/${workflow.id}`);

    await page.getByRole('button', { name: 'Activate in n8n' }).click();
    await notice(page, 'Switched on in n8n.');
    expect(remote.active).toBe(true);
    expect((await workflow.reload()).active).toBe(true);
    await screenshot(page, 'staff-workflow-detail');

    // switching off stops production work: asked first
    await page.getByRole('button', { name: 'Deactivate in n8n' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Switch off' }).click();
    await notice(page, 'Switched off in n8n.');
    expect(remote.active).toBe(false);
    expect((await workflow.reload()).status).toBe('paused');

    n8n.fake.failRequests({ match: (request) => request.path === `/workflows/${remote.id}/publish`, times: 5, status: 500 });
    await page.getByRole('button', { name: 'Activate in n8n' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('n8n could not switch on "Lead scoring"');
    expect(remote.active).toBe(false);
    expect((await Workflow.findByPk(workflow.id))!.active).toBe(false);
    expect(await AuditLogEntry.count({ where: { targetId: workflow.id, action: ['workflow.activate', 'workflow.deactivate'] } })).toBe(2);
  });
});
