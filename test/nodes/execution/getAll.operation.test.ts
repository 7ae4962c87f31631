import { executionRoutes, type ExecutionRunDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN } from '../helpers/fake-n8n';
import { pageOf } from '../helpers/contract-route';
import { useFakePortal } from '../helpers/fake-portal';
import { buildExecutionRunRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const workflowId = randomUUID();
let runs: ExecutionRunDto[] = [];

beforeEach(() => {
  runs = Array.from({ length: 520 }, (_, i) => buildExecutionRunRecord({ status: i % 4 === 0 ? 'error' : 'success' }));
  portal.serve(executionRoutes.list, ({ query }) => {
    const matching = runs.filter((r) => !query.status || query.status.includes(r.status));
    return pageOf(query.order === 'startedAt' ? [...matching].reverse() : matching, query);
  });
});

const getMany = (parameters: Record<string, unknown>) => ({ resource: 'execution', operation: 'getAll', returnAll: false, limit: 50, filters: {}, options: {}, ...parameters });

describe('Execution → Get Many', () => {
  it('sends every filter as the portal names it; times without an offset are read in the workflow time zone', async () => {
    const clientId = randomUUID();
    const { output } = await runMonoliet({
      parameters: getMany({
        limit: 10,
        filters: { clientId, workflowId, status: ['error', 'crashed'], since: '2026-11-01T00:00:00', until: '2026-11-25T08:30:00+00:00', mode: ' webhook ' },
        options: { order: 'startedAt' },
      }),
      timezone: 'Europe/Amsterdam',
    });
    expect(portal.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v1/executions',
        authorization: `Bearer ${API_TOKEN}`,
        body: undefined,
        query: {
          client: clientId,
          workflow: workflowId,
          status: 'error,crashed',
          since: '2026-10-31T23:00:00.000Z',
          until: '2026-11-25T08:30:00.000Z',
          mode: 'webhook',
          order: 'startedAt',
          limit: '10',
        },
      },
    ]);
    expect(output.map((item) => item.json.status)).toEqual(Array(10).fill('error'));
    expect(output.map((item) => item.json.id)).toEqual(runs.filter((r) => r.status === 'error').reverse().slice(0, 10).map((r) => r.id));
  });

  it('reads every page with Return All, and stops at the limit otherwise', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ returnAll: true }) });
    expect(output.map((item) => item.json.id)).toEqual(runs.map((r) => r.id));
    expect(portal.requests.map((r) => r.query.cursor === undefined)).toEqual([true, false, false]);
    portal.requests.length = 0;
    const { output: some } = await runMonoliet({ parameters: getMany({ limit: 251 }) });
    expect(some).toHaveLength(251);
    expect(portal.requests.map((r) => r.query.limit)).toEqual(['250', '1']);
  });

  it('refuses a start time that is no date, naming the filter', async () => {
    const run = runMonoliet({ parameters: getMany({ filters: { since: 'yesterday-ish' } }) });
    await expect(run).rejects.toMatchObject({ message: '"yesterday-ish" is not a valid date', description: 'Check Started After.' });
    expect(portal.requests).toHaveLength(0);
  });

  it("outputs the portal's message for the failing item when the node continues on fail", async () => {
    const modes = ['webhook', 'x'.repeat(33)];
    const { output } = await runMonoliet({
      parameters: getMany({ limit: 1, filters: { mode: (i: number) => modes[i] } }),
      items: [{ json: {} }, { json: {} }],
      continueOnFail: true,
    });
    expect(output).toEqual([
      { json: expect.objectContaining({ id: runs[0].id }), pairedItem: { item: 0 } },
      { json: { error: 'Invalid query' }, pairedItem: { item: 1 } },
    ]);
  });
});
