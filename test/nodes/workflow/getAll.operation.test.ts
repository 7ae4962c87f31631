import { workflowRoutes, type WorkflowDetailDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN } from '../helpers/fake-n8n';
import { pageOf } from '../helpers/contract-route';
import { useFakePortal } from '../helpers/fake-portal';
import { buildWorkflowRecord, workflowOf } from '../helpers/records';
import { runMonoliet, threeItems } from '../helpers/run-node';

const portal = useFakePortal();
const client = { id: randomUUID(), slug: 'acme', companyName: 'Acme BV' };
let workflows: WorkflowDetailDto[] = [];

beforeEach(() => {
  workflows = Array.from({ length: 300 }, (_, i) => buildWorkflowRecord({ active: i % 3 !== 0, client: i % 2 ? client : null }));
  portal.serve(workflowRoutes.list, ({ query }) => {
    const matching = workflows.filter((w) => (query.active === undefined || w.active === query.active) && (!query.client || w.client?.id === query.client));
    return pageOf(matching.map(workflowOf), query);
  });
});

const getMany = (parameters: Record<string, unknown>) => ({ resource: 'workflow', operation: 'getAll', returnAll: false, limit: 50, filters: {}, options: {}, ...parameters });

describe('Workflow → Get Many', () => {
  it('sends every filter as the portal names it, and outputs one item per workflow', async () => {
    const instanceId = randomUUID();
    const { output } = await runMonoliet({
      parameters: getMany({ limit: 3, filters: { active: true, clientId: client.id, instanceId, search: ' orders ', status: 'error', unassigned: false }, options: { order: '-updatedAt' } }),
    });
    expect(portal.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v1/workflows',
        authorization: `Bearer ${API_TOKEN}`,
        body: undefined,
        query: { client: client.id, instance: instanceId, status: 'error', active: 'true', unassigned: 'false', search: 'orders', order: '-updatedAt', limit: '3' },
      },
    ]);
    expect(output).toHaveLength(3);
    expect(output.every((item) => item.json.active === true && (item.json.client as { id: string }).id === client.id)).toBe(true);
    expect(output[0].json).not.toHaveProperty('last30Days');
  });

  it('sends "active: false" rather than dropping it, for the switched-off workflows', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ returnAll: true, filters: { active: false } }) });
    expect(portal.requests[0].query).toEqual({ active: 'false', limit: '250' });
    expect(output.map((item) => item.json.id)).toEqual(workflows.filter((w) => !w.active).map((w) => w.id));
  });

  it('reads every page with Return All, sending the filters with each page', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ returnAll: true, filters: { clientId: client.id } }) });
    expect(output).toHaveLength(150);
    const { output: all } = await runMonoliet({ parameters: getMany({ returnAll: true }) });
    expect(all.map((item) => item.json.id)).toEqual(workflows.map((w) => w.id));
    expect(portal.requests.map((r) => r.query)).toEqual([
      { client: client.id, limit: '250' },
      { limit: '250' },
      { limit: '250', cursor: expect.any(String) },
    ]);
  });

  it('lists once per input item, pairing each workflow with the item that asked', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ limit: 1 }), items: threeItems });
    expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
  });

  it('refuses a client filter that is no ID, naming it', async () => {
    await expect(runMonoliet({ parameters: getMany({ filters: { clientId: 'acme' } }) })).rejects.toMatchObject({ message: '"acme" is not a valid client ID' });
    expect(portal.requests).toHaveLength(0);
  });
});
