import { workflowRoutes, type WorkflowDetailDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN, PORTAL_URL, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildWorkflowRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const workflows = new Map<string, WorkflowDetailDto>();
beforeEach(() => {
  workflows.clear();
  portal.serve(workflowRoutes.get, ({ params }) => workflows.get(params.id) ?? errorEnvelope('not_found', 'Workflow not found'));
});

function stored(overrides: Partial<WorkflowDetailDto> = {}) {
  const workflow = buildWorkflowRecord(overrides);
  workflows.set(workflow.id, workflow);
  return workflow;
}

describe('Workflow → Get', () => {
  it('gets the workflow of each item with its last 30 days, picked from the list, by URL or by ID', async () => {
    const found = [stored(), stored({ status: 'error' }), stored({ active: false, status: 'paused' })];
    const locators = [locator('list', found[0].id), locator('url', `${PORTAL_URL}/workflows/${found[1].id}`), locator('id', found[2].id)];
    const { output } = await runMonoliet({
      parameters: { resource: 'workflow', operation: 'get', workflowId: (i: number) => locators[i] },
      items: [{ json: {} }, { json: {} }, { json: {} }],
    });
    expect(portal.requests.map(({ method, path, authorization, body }) => ({ method, path, authorization, body }))).toEqual(
      found.map((workflow) => ({ method: 'GET', path: `/api/v1/workflows/${workflow.id}`, authorization: `Bearer ${API_TOKEN}`, body: undefined })),
    );
    expect(output).toEqual(found.map((json, item) => ({ json, pairedItem: { item } })));
    expect(output[0].json.last30Days).toMatchObject({ total: 120, success: 118 });
  });

  it("refuses an ID that is no portal ID (an n8n workflow id) before asking the portal", async () => {
    const run = runMonoliet({ parameters: { resource: 'workflow', operation: 'get', workflowId: locator('id', 'iDjnuqgPszOF3KtW') } });
    await expect(run).rejects.toMatchObject({ message: '"iDjnuqgPszOF3KtW" is not a valid workflow ID' });
    expect(portal.requests).toHaveLength(0);
  });

  it("fails with the portal's message, or outputs it when the node continues on fail", async () => {
    const parameters = { resource: 'workflow', operation: 'get', workflowId: locator('id', randomUUID()) };
    await expect(runMonoliet({ parameters })).rejects.toMatchObject({ message: 'Workflow not found', httpCode: '404' });
    const { output } = await runMonoliet({ parameters, continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Workflow not found' }, pairedItem: { item: 0 } }]);
  });
});
