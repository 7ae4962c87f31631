import { AuditLogEntry, Email, ExecutionRun, N8nInstance } from '~/models/index.server';
import { openSecret } from '~/services/secrets.server';
import { buildClient, buildInstance, buildUser, buildWorkflow, TEST_PASSWORD } from './factories';
import { Browser, startPortal, type PortalProcess } from './helpers/portal-process';
import { daysAgo, pushRuns } from './helpers/runs';

// The staff executions and n8n instance pages, and the staff-only rule, over plain HTTP (the browser
// tests in e2e/staff-*.e2e.test.ts drive the interactive parts).
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortal({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await portal?.stop();
});

async function signedIn(role: 'staff' | 'client') {
  const user = role === 'staff' ? await buildUser({ role }) : await buildUser({ client: await buildClient() });
  const browser = new Browser(portal.url);
  await browser.post('/login', { email: user.email, password: TEST_PASSWORD });
  return { browser, user };
}

/** The rendered list of a page, without its filter selects and loader data (which name every workflow). */
async function listOf(browser: Browser, path: string): Promise<string> {
  const html = await (await browser.get(path)).text();
  const start = html.indexOf('<table');
  return start < 0 ? '' : html.slice(start, html.indexOf('</table>', start));
}

describe('/staff/executions', () => {
  it('lists runs across clients with client, workflow, status and date filters, and shows the error of one', async () => {
    const instance = await buildInstance();
    const [acme, globex] = [await buildClient({ companyName: 'Acme Runs' }), await buildClient({ companyName: 'Globex Runs' })];
    const acmeFlow = await buildWorkflow({ instance, client: acme, name: 'Acme invoices' });
    const globexFlow = await buildWorkflow({ instance, client: globex, name: 'Globex orders' });
    await pushRuns({ instance, workflow: acmeFlow, runs: [{ status: 'error', errorMessage: 'Cannot read properties of undefined (reading "total")', errorNode: 'Compute totals', startedAt: daysAgo(2) }] });
    await pushRuns({ instance, workflow: globexFlow, runs: [{ status: 'success', startedAt: daysAgo(10) }] });
    const { browser } = await signedIn('staff');

    const all = await listOf(browser, '/staff/executions');
    expect(all).toContain('Acme invoices');
    expect(all).toContain('Globex orders');
    const byClient = await listOf(browser, `/staff/executions?client=${globex.id}`);
    expect([byClient.includes('Globex orders'), byClient.includes('Acme invoices')]).toEqual([true, false]);
    const failed = await listOf(browser, '/staff/executions?status=failed');
    expect([failed.includes('Acme invoices'), failed.includes('Globex orders')]).toEqual([true, false]);
    const recent = await listOf(browser, `/staff/executions?from=${daysAgo(5).slice(0, 10)}`);
    expect([recent.includes('Acme invoices'), recent.includes('Globex orders')]).toEqual([true, false]);
    const byWorkflow = await listOf(browser, `/staff/executions?workflow=${globexFlow.id}`);
    expect([byWorkflow.includes('Globex orders'), byWorkflow.includes('Cannot read properties')]).toEqual([true, false]);
    expect(await (await browser.get('/staff/executions?from=yesterday')).text()).toContain('Enter a date like 2026-05-01');

    const run = (await ExecutionRun.findOne({ where: { workflowId: acmeFlow.id } }))!;
    const detail = await browser.get(`/staff/executions/${run.id}`);
    expect(detail.status).toBe(200);
    const html = await detail.text();
    expect(html).toContain('Compute totals');
    expect(html).toContain('Cannot read properties of undefined (reading &quot;total&quot;)');
    expect(html).toContain(`${instance.baseUrl}/workflow/${acmeFlow.n8nWorkflowId}/executions/${run.n8nExecutionId}`);
    expect((await browser.get('/staff/executions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await browser.get('/staff/executions?cursor=garbage')).status).toBe(400);
  });
});

describe('/staff/instances', () => {
  it('adds an instance with its API key write-only, edits it, and refuses a taken name next to the field', async () => {
    const { browser } = await signedIn('staff');
    expect((await browser.get('/staff/instances/new')).status).toBe(200);
    const created = await browser.post('/staff/instances/new', { intent: 'save', name: 'Staging n8n', baseUrl: 'https://N8N.staging.example/api/v1/', apiKey: 'n8n_api_secret_key_7f3c', isActive: 'on' });
    expect(created.status).toBe(302);
    const instance = (await N8nInstance.findOne({ where: { name: 'Staging n8n' } }))!;
    expect(created.headers.get('location')).toBe(`/staff/instances/${instance.id}?done=created`);
    expect(instance.baseUrl).toBe('https://n8n.staging.example');
    expect(openSecret({ kind: 'instanceApiKey', ciphertext: instance.apiKeyEncrypted! })).toBe('n8n_api_secret_key_7f3c');

    const page = await (await browser.get(`/staff/instances/${instance.id}`)).text();
    expect(page).not.toContain('n8n_api_secret_key_7f3c');
    expect(page).toContain('7f3c');

    // an empty key field keeps the stored key
    expect((await browser.post(`/staff/instances/${instance.id}`, { intent: 'save', name: 'Staging', baseUrl: 'https://n8n.staging.example', identity: instance.identity, isActive: 'on', apiKey: '' })).status).toBe(302);
    await instance.reload();
    expect([instance.name, openSecret({ kind: 'instanceApiKey', ciphertext: instance.apiKeyEncrypted! })]).toEqual(['Staging', 'n8n_api_secret_key_7f3c']);
    expect(await AuditLogEntry.count({ where: { action: 'n8n_instance.update', targetId: instance.id } })).toBe(1);

    await buildInstance({ name: 'Production' });
    const taken = await browser.post(`/staff/instances/${instance.id}`, { intent: 'save', name: 'Production', baseUrl: 'https://n8n.staging.example', isActive: 'on', apiKey: 'n8n_api_other' });
    expect(taken.status).toBe(200);
    const takenHtml = await taken.text();
    expect(takenHtml).toContain('already taken');
    expect(takenHtml).not.toContain('n8n_api_other');
    const badUrl = await (await browser.post('/staff/instances/new', { intent: 'save', name: 'Bad', baseUrl: 'ftp://n8n.example' })).text();
    expect(badUrl).toContain('use the http(s) address of the n8n instance');
  });

  it('explains a failed connection test and a sync without an API key instead of failing the page', async () => {
    const pushOnly = await buildInstance({ name: 'Push only' });
    const { browser } = await signedIn('staff');
    await browser.get(`/staff/instances/${pushOnly.id}`);
    const tested = await browser.post(`/staff/instances/${pushOnly.id}`, { intent: 'test' });
    expect([tested.status, (await tested.text()).includes('This instance has no API key yet')]).toEqual([200, true]);
    const synced = await browser.post(`/staff/instances/${pushOnly.id}`, { intent: 'sync' });
    expect([synced.status, (await synced.text()).includes('has no API key, so it cannot be synced')]).toEqual([200, true]);
  });
});

describe('staff pages', () => {
  it('are a 404 for client users, and a bad filter is the 400 page', async () => {
    const { browser: client } = await signedIn('client');
    for (const path of ['/staff/workflows', '/staff/executions', '/staff/instances', '/staff/jobs', '/staff/emails']) expect((await client.get(path)).status).toBe(404);
    const { browser: staff } = await signedIn('staff');
    expect((await staff.get('/staff/workflows?status=exploded')).status).toBe(400);
    expect((await staff.get('/staff/workflows/not-a-uuid')).status).toBe(404);
  });

  it('audits the resend of a failed email', async () => {
    const email = await Email.create({ template: 'invoice-created', toAddresses: ['ap@acme.example'], subject: 'Invoice', html: '<p>Hi</p>', text: 'Hi', status: 'failed', error: 'refused', sentAt: null, clientId: null });
    const { browser, user } = await signedIn('staff');
    await browser.get(`/staff/emails/${email.id}`);
    expect((await browser.post(`/staff/emails/${email.id}`, {})).status).toBe(200);
    const entry = await AuditLogEntry.findOne({ where: { action: 'email.resend', targetId: email.id } });
    expect(entry?.actorId).toBe(user.id);
    const tabs = await (await browser.get('/staff/emails')).text();
    expect(tabs).toMatch(/Failed<span[^>]*data-testid="count-failed"[^>]*>\d+<\/span>/);
  });
});
