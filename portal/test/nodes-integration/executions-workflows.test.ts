// Report and Report Error against the real portal process, the runs read back through the API with the
// node's own Get Many and Get Stats; Workflow operations, with activation reaching a fake n8n over HTTP.
import { codeNodeFailure, nodeFailureOnRetry } from '../../../test/nodes/fixtures/error-trigger-items';
import { Monoliet } from '../../../nodes/Monoliet/Monoliet.node';
import { sealSecret } from '~/services/secrets.server';
import { buildInstance, buildUser } from '../factories';
import { tokenFor } from '../helpers/api';
import { serveFakeN8n } from '../helpers/fake-n8n';
import { startPortal, type PortalProcess } from '../helpers/portal-process';
import { type Caller, loadOptionsContext, locator, PORTAL_START_MS, runNode, SETUP_TIMEOUT_MS } from './node-runner';

let portal: PortalProcess;
let n8n: Awaited<ReturnType<typeof serveFakeN8n>>;
let reporter: Caller;
let staff: Caller;
let readOnly: Caller;

beforeAll(async () => {
  n8n = await serveFakeN8n();
  portal = await startPortal({ timeoutMs: PORTAL_START_MS });
  // the instance the reporting n8n is: its identity in the credential, its API reachable for activation
  const instance = await buildInstance({ baseUrl: n8n.fake.baseUrl, identity: 'n8n-production', apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: n8n.fake.apiKey }) });
  expect(instance.identity).toBe('n8n-production');
  const user = await buildUser({ role: 'staff' });
  reporter = { url: portal.url, token: await tokenFor(user, ['ingest']), instance: 'n8n-production' };
  staff = { url: portal.url, token: await tokenFor(user, ['read', 'write']) };
  readOnly = { url: portal.url, token: await tokenFor(user, ['read']) };
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await portal?.stop();
  await n8n?.close();
});

const report = { resource: 'execution', operation: 'report', status: 'success', onUnreachable: 'fail', overrides: {}, options: {} };
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { order: i } }));

describe('Monoliet node → Execution and Workflow, against the real portal', () => {
  it('stores the reported run once, however often it is reported, and reads it back', async () => {
    const remote = n8n.fake.addWorkflow({ name: 'Orders sync', active: false });
    const run = { workflow: { id: remote.id, name: 'Orders sync' }, executionId: '1207', mode: 'webhook' as const, executionStart: Date.now() - 4000 };
    const [first] = await runNode(reporter, { parameters: report, items: items(3), ...run });
    expect(first).toEqual({
      json: expect.objectContaining({ reported: true, instance: 'n8n-production', result: { accepted: 1, created: 1, updated: 0, unchanged: 0 } }),
      pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
    });
    // the same execution reported again (a node that ran twice) updates that run: its stop time moved on
    const [again] = await runNode(reporter, { parameters: report, items: items(3), ...run });
    expect(again.json.result).toEqual({ accepted: 1, created: 0, updated: 1, unchanged: 0 });

    const stored = await runNode(staff, { parameters: { resource: 'execution', operation: 'getAll', returnAll: true, filters: { mode: 'webhook' }, options: {} } });
    expect(stored.map((item) => item.json)).toEqual([
      expect.objectContaining({ n8nExecutionId: '1207', status: 'success', mode: 'webhook', itemCount: 3, source: 'push', durationMs: expect.any(Number), workflow: expect.objectContaining({ n8nWorkflowId: remote.id, name: 'Orders sync' }) }),
    ]);
    expect(stored[0].json.durationMs).toBeGreaterThanOrEqual(4000);

    // the workflow the report created, unassigned, found and switched on through the portal
    const [workflow] = await runNode(staff, { parameters: { resource: 'workflow', operation: 'getAll', returnAll: false, limit: 10, filters: { search: 'orders sync', unassigned: true }, options: {} } });
    expect(workflow.json).toMatchObject({ name: 'Orders sync', n8nWorkflowId: remote.id, client: null, lastRun: { status: 'success' } });
    const [got] = await runNode(readOnly, { parameters: { resource: 'workflow', operation: 'get', workflowId: locator('url', `${portal.url}/workflows/${workflow.json.id}`) } });
    expect(got.json.last30Days).toMatchObject({ total: 1, success: 1, error: 0 });
    const { results } = await new Monoliet().methods.listSearch.searchWorkflows.call(loadOptionsContext(staff), 'orders');
    expect(results).toEqual([{ name: 'Orders sync', value: workflow.json.id, url: `${portal.url}/workflows/${workflow.json.id}` }]);

    const [on] = await runNode(staff, { parameters: { resource: 'workflow', operation: 'activate', workflowId: locator('id', workflow.json.id as string) } });
    expect(on.json).toMatchObject({ id: workflow.json.id, active: true });
    expect(n8n.fake.workflows.get(remote.id)!.active).toBe(true);
    const [off] = await runNode(staff, { parameters: { resource: 'workflow', operation: 'deactivate', workflowId: locator('list', workflow.json.id as string) } });
    expect([off.json.active, off.json.status]).toEqual([false, 'paused']);
    expect(n8n.fake.workflows.get(remote.id)!.active).toBe(false);

    // a read-only token may not switch workflows: the portal's message, as the node's error
    const refused = runNode(readOnly, { parameters: { resource: 'workflow', operation: 'activate', workflowId: locator('id', workflow.json.id as string) } });
    await expect(refused).rejects.toMatchObject({ httpCode: '403', message: expect.stringMatching(/scope/i) });
  });

  it('reports failed runs from Error Trigger items and counts them in the stats', async () => {
    const before = (await runNode(staff, { parameters: { resource: 'execution', operation: 'getStats', days: 1, filters: {} } }))[0].json;
    const errorItems = [codeNodeFailure, nodeFailureOnRetry].map((json) => ({ json: { ...json, execution: { ...json.execution, executionContext: undefined } } }));
    const output = await runNode(reporter, {
      parameters: { resource: 'execution', operation: 'reportError', errorData: (i: number) => errorItems[i].json, onUnreachable: 'fail', options: {} },
      items: errorItems,
      mode: 'error',
    });
    expect(output.map((item) => [item.json.reported, item.pairedItem])).toEqual([
      [true, { item: 0 }],
      [true, { item: 1 }],
    ]);

    const failed = await runNode(readOnly, { parameters: { resource: 'execution', operation: 'getAll', returnAll: true, filters: { status: ['error', 'crashed'] }, options: { order: 'startedAt' } } });
    expect(failed.map((item) => item.json)).toEqual([
      expect.objectContaining({ n8nExecutionId: '3', status: 'error', mode: 'webhook', errorNode: 'Maybe Fail', errorMessage: 'Harness failure requested: boom-3 [line 1]', retryOf: null }),
      expect.objectContaining({ n8nExecutionId: '42', status: 'error', retryOf: '41', errorNode: nodeFailureOnRetry.execution.error.node.name }),
    ]);
    expect(failed[0].json.workflow).toMatchObject({ n8nWorkflowId: 'xkPBNNa2haXj6fLH', name: 'Real check: failing workflow' });

    const [stats] = await runNode(readOnly, { parameters: { resource: 'execution', operation: 'getStats', days: 1, filters: {} } });
    expect(stats.json).toMatchObject({ days: 1, total: (before.total as number) + 2, error: (before.error as number) + 2 });
    const [one] = await runNode(readOnly, { parameters: { resource: 'execution', operation: 'getStats', days: 7, filters: { workflowId: (failed[0].json.workflow as { id: string }).id } } });
    expect(one.json).toMatchObject({ total: 1, success: 0, error: 1, successRate: 0 });
    expect(one.json.series).toHaveLength(7);
  });

  it("refuses a token without the ingest scope with the portal's message, unless told to carry on", async () => {
    const parameters = { ...report, onUnreachable: 'fail' };
    const run = { executionId: '77', workflow: { id: 'wfNoScope', name: 'No scope' } };
    const refused = runNode(staff, { parameters, ...run });
    await expect(refused).rejects.toMatchObject({ httpCode: '403', message: expect.stringMatching(/ingest/) });
    const carriedOn = await runNode(staff, { parameters, ...run, continueOnFail: true });
    expect(carriedOn).toEqual([{ json: { error: expect.stringMatching(/ingest/) }, pairedItem: [{ item: 0 }] }]);
    const stored = await runNode(staff, { parameters: { resource: 'execution', operation: 'getAll', returnAll: true, filters: {}, options: {} } });
    expect(stored.map((item) => item.json.n8nExecutionId)).not.toContain('77');
  });
});
