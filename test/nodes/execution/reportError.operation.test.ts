import { HttpResponse, http } from 'msw';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { codeNodeFailure, crashedRun, nodeFailureOnRetry, triggerFailure } from '../fixtures/error-trigger-items';
import { API_TOKEN, PORTAL_URL } from '../helpers/fake-n8n';
import { startFakePortal } from '../helpers/fake-portal';
import { runMonoliet } from '../helpers/run-node';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => undefined) }));

const portal = startFakePortal();
beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  portal.server.resetHandlers();
  portal.requests.length = 0;
  portal.ingested.length = 0;
});
afterAll(() => portal.server.close());

// the default of "Error Trigger Data" is `={{ $json }}`: the item itself
const reportError = (options: Record<string, unknown> = {}) => ({
  resource: 'execution',
  operation: 'reportError',
  errorData: (itemIndex: number) => items[itemIndex]?.json,
  onUnreachable: 'continue',
  options,
});
let items: INodeExecutionData[] = [];
const runWith = async (errorItems: object[], parameters = reportError(), extra: { continueOnFail?: boolean } = {}) => {
  items = errorItems.map((json) => ({ json: json as IDataObject }));
  return await runMonoliet({ parameters, items, mode: 'error', executionId: '3001', ...extra });
};

describe('Execution → Report Error', () => {
  it('reports the failed execution of a real Error Trigger item', async () => {
    const { output } = await runWith([codeNodeFailure]);

    expect(portal.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/executions', authorization: `Bearer ${API_TOKEN}` });
    const { instance, runs } = portal.ingested[0];
    expect(instance).toBe('https://n8n.agency.test');
    expect(runs).toEqual([
      {
        executionId: '3',
        workflowId: 'xkPBNNa2haXj6fLH',
        workflowName: 'Real check: failing workflow',
        status: 'error',
        mode: 'webhook',
        errorMessage: 'Harness failure requested: boom-3 [line 1]',
        errorNode: 'Maybe Fail',
        // n8n 2.x says when the failed execution began
        startedAt: new Date(1795617944607).toISOString(),
      },
    ]);
    expect(output).toHaveLength(1);
    expect(output[0].pairedItem).toEqual({ item: 0 });
    expect(output[0].json).toMatchObject({
      reported: true,
      executionUrl: 'http://127.0.0.1:5788/workflow/xkPBNNa2haXj6fLH/executions/3',
      run: runs[0],
    });
  });

  it('gives the stack without absolute server paths', async () => {
    const { output } = await runWith([codeNodeFailure]);
    const stack = output[0].json.stack as string;
    expect(stack).not.toContain('/root/');
    expect(stack.split('\n')).toEqual([
      'WrappedExecutionError: Harness failure requested: boom-3 [line 1]',
      '    at throwExecutionError (n8n-nodes-base/nodes/Code/throw-execution-error.ts:11:9)',
      '    at JsTaskRunnerSandbox.runCodeAllItems (n8n-nodes-base/nodes/Code/JsTaskRunnerSandbox.ts:46:23)',
      '    at processTicksAndRejections (node:internal/process/task_queues:104:5)',
      '    at ExecuteContext.execute (n8n-nodes-base/nodes/Code/Code.node.ts:219:8)',
      '    at WorkflowExecute.executeNode (n8n-core/src/execution-engine/workflow-execute.ts:1129:8)',
      '    at WorkflowExecute.runNode (n8n-core/src/execution-engine/workflow-execute.ts:1431:11)',
      '    at n8n-core/src/execution-engine/workflow-execute.ts:2333:27',
      '    at n8n-core/src/execution-engine/workflow-execute.ts:2814:11',
    ]);
    expect(portal.ingested[0].runs[0].errorMessage).toBe('Harness failure requested: boom-3 [line 1]');
  });

  it('adds the trimmed stack to the stored message when asked', async () => {
    await runWith([codeNodeFailure], reportError({ includeStack: true }));
    const { errorMessage } = portal.ingested[0].runs[0];
    expect(errorMessage).toMatch(/^Harness failure requested: boom-3 \[line 1\]\n\nWrappedExecutionError: /);
    expect(errorMessage).toContain('(n8n-core/src/execution-engine/workflow-execute.ts:1129:8)');
    expect(errorMessage).not.toContain('/root/');
  });

  it('starts the run now when the item does not say when (n8n 1.x)', async () => {
    const before = Date.now();
    await runWith([nodeFailureOnRetry]);
    expect(Date.parse(portal.ingested[0].runs[0].startedAt)).toBeGreaterThanOrEqual(before);
  });

  it('names the node that threw and the execution a retry retries', async () => {
    await runWith([nodeFailureOnRetry]);
    expect(portal.ingested[0].runs[0]).toMatchObject({
      executionId: '42',
      status: 'error',
      mode: 'retry',
      retryOf: '41',
      errorNode: 'Fetch invoices',
      errorMessage: 'The service refused the connection - perhaps it is offline',
    });
  });

  it('reports a crashed run as crashed', async () => {
    await runWith([crashedRun]);
    expect(portal.ingested[0].runs[0]).toMatchObject({ executionId: '977', status: 'crashed', errorNode: 'Read CSV' });
  });

  it('reports a failed trigger under an ID that is the same each time the item is sent', async () => {
    await runWith([triggerFailure]);
    await runWith([triggerFailure]);
    const [first, second] = portal.ingested.map((batch) => batch.runs[0]);
    expect(first).toMatchObject({
      executionId: 'trigger-wfMailbox00001-1764061234567',
      workflowId: 'wfMailbox00001',
      workflowName: 'Support mailbox',
      status: 'error',
      mode: 'trigger',
      errorNode: 'IMAP Email',
      errorMessage: 'Credentials could not be decrypted',
    });
    expect(second.executionId).toBe(first.executionId);
  });

  it('reads the item from "Error Trigger Data" given as JSON text', async () => {
    items = [{ json: { unrelated: true } }];
    await runMonoliet({ parameters: { ...reportError(), errorData: JSON.stringify(nodeFailureOnRetry) }, items });
    expect(portal.ingested[0].runs[0].executionId).toBe('42');
  });

  it('uses a given start time', async () => {
    await runWith([codeNodeFailure], reportError({ startedAt: '2026-11-25T08:15:00Z' }));
    expect(portal.ingested[0].runs[0].startedAt).toBe('2026-11-25T08:15:00.000Z');
  });

  it('reports each item on its own, pairing outputs with their items, and continues past a bad one', async () => {
    const { output } = await runWith([codeNodeFailure, { hello: 'not an error item' }, crashedRun], reportError(), { continueOnFail: true });
    expect(portal.ingested.map((batch) => batch.runs[0].executionId)).toEqual(['3', '977']);
    expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(output[1].json).toEqual({ error: 'The input is not an item from an Error Trigger: it has no workflow ID or execution' });
  });

  it('fails on an item that is not from an Error Trigger', async () => {
    await expect(runWith([{ hello: 'world' }])).rejects.toThrow('The input is not an item from an Error Trigger');
    expect(portal.requests).toHaveLength(0);
  });

  it('does not fail the error workflow when the portal is unreachable', async () => {
    portal.server.use(http.post(`${PORTAL_URL}/api/v1/executions`, () => HttpResponse.error()));
    const { output } = await runWith([codeNodeFailure], reportError({ retryFor: 0 }));
    expect(output[0].json).toMatchObject({ reported: false, attempts: 1, run: { executionId: '3', status: 'error' } });
  });
});
