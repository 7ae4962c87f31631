import { workflowRoutes, type WorkflowDetailDto } from '@monoliet/contract';
import { API_TOKEN, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildWorkflowRecord, workflowOf } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const workflows = new Map<string, WorkflowDetailDto>();

/** The portal switches the workflow in n8n; an n8n that fails gives 502 with the portal's message. */
function serveSwitch(route: typeof workflowRoutes.activate | typeof workflowRoutes.deactivate, active: boolean) {
  portal.serve(route, ({ params }) => {
    const workflow = workflows.get(params.id);
    if (!workflow) return errorEnvelope('not_found', 'Workflow not found');
    if (workflow.name === 'Broken') return errorEnvelope('bad_gateway', 'n8n refused to publish the workflow: Workflow has no trigger node');
    const switched = { ...workflow, active, status: active ? 'active' : 'paused' } as const;
    workflows.set(switched.id, switched);
    return workflowOf(switched);
  });
}

beforeEach(() => {
  workflows.clear();
  serveSwitch(workflowRoutes.activate, true);
  serveSwitch(workflowRoutes.deactivate, false);
});

function stored(overrides: Partial<WorkflowDetailDto> = {}) {
  const workflow = buildWorkflowRecord(overrides);
  workflows.set(workflow.id, workflow);
  return workflow;
}

describe('Workflow → Activate and Deactivate', () => {
  it('activates a paused workflow with a bodyless POST and outputs it switched on', async () => {
    const workflow = stored({ active: false, status: 'paused' });
    const { output } = await runMonoliet({ parameters: { resource: 'workflow', operation: 'activate', workflowId: locator('list', workflow.id) } });
    expect(portal.requests).toEqual([{ method: 'POST', path: `/api/v1/workflows/${workflow.id}/activate`, query: {}, authorization: `Bearer ${API_TOKEN}`, body: undefined }]);
    expect(output).toEqual([{ json: expect.objectContaining({ id: workflow.id, active: true, status: 'active' }), pairedItem: { item: 0 } }]);
  });

  it('deactivates the workflow of each item', async () => {
    const both = [stored(), stored()];
    const { output } = await runMonoliet({
      parameters: { resource: 'workflow', operation: 'deactivate', workflowId: (i: number) => locator('id', both[i].id) },
      items: [{ json: {} }, { json: {} }],
    });
    expect(portal.requests.map((r) => `${r.method} ${r.path}`)).toEqual(both.map((w) => `POST /api/v1/workflows/${w.id}/deactivate`));
    expect(output.map((item) => [item.json.active, item.json.status, item.pairedItem])).toEqual([
      [false, 'paused', { item: 0 }],
      [false, 'paused', { item: 1 }],
    ]);
  });

  it("passes on n8n's refusal as the portal words it, per item when continuing on fail", async () => {
    const [broken, fine] = [stored({ name: 'Broken', active: false }), stored({ active: false })];
    const ids = [broken.id, fine.id];
    const parameters = { resource: 'workflow', operation: 'activate', workflowId: (i: number) => locator('id', ids[i]) };
    await expect(runMonoliet({ parameters })).rejects.toMatchObject({ httpCode: '502', message: 'n8n refused to publish the workflow: Workflow has no trigger node' });
    const { output } = await runMonoliet({ parameters, items: [{ json: {} }, { json: {} }], continueOnFail: true });
    expect(output).toEqual([
      { json: { error: 'n8n refused to publish the workflow: Workflow has no trigger node' }, pairedItem: { item: 0 } },
      { json: expect.objectContaining({ id: fine.id, active: true }), pairedItem: { item: 1 } },
    ]);
  });
});
