import { executionRoutes, type ExecutionStats } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();

/** Stats as the portal computes them from the rollups: one series entry per day, zeros included. */
function statsOf({ days, until }: { days: number; until?: string }): ExecutionStats {
  const to = until ?? '2026-11-25';
  const series = Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return { day, total: 10, success: 9, error: 1, minutesSaved: 45 };
  });
  return { from: series[0].day, to, days, total: 10 * days, success: 9 * days, error: days, successRate: 0.9, avgDurationMs: 1200, minutesSaved: 45 * days, series };
}

beforeEach(() => {
  portal.serve(executionRoutes.stats, ({ query }) => (query.client === '00000000-0000-4000-8000-000000000000' ? errorEnvelope('not_found', 'Client not found') : statsOf(query)));
});

const getStats = (parameters: Record<string, unknown>) => ({ resource: 'execution', operation: 'getStats', days: 30, filters: {}, ...parameters });

describe('Execution → Get Stats', () => {
  it('asks for the period and filters, and outputs the figures as one item', async () => {
    const [clientId, workflowId] = [randomUUID(), randomUUID()];
    const { output } = await runMonoliet({ parameters: getStats({ days: 7, filters: { clientId, workflowId, until: '2026-11-20T00:00:00' } }) });
    expect(portal.requests).toEqual([
      { method: 'GET', path: '/api/v1/executions/stats', authorization: `Bearer ${API_TOKEN}`, body: undefined, query: { days: '7', client: clientId, workflow: workflowId, until: '2026-11-20' } },
    ]);
    expect(output).toEqual([{ json: expect.objectContaining({ from: '2026-11-14', to: '2026-11-20', total: 70, successRate: 0.9 }), pairedItem: { item: 0 } }]);
    expect(output[0].json.series).toHaveLength(7);
  });

  it('gets the stats of each item, paired with it', async () => {
    const days = [1, 30];
    const { output } = await runMonoliet({ parameters: getStats({ days: (i: number) => days[i] }), items: [{ json: {} }, { json: {} }] });
    expect(output.map((item) => [item.json.days, item.pairedItem])).toEqual([
      [1, { item: 0 }],
      [30, { item: 1 }],
    ]);
  });

  it('refuses a period the portal cannot give, before asking it', async () => {
    await expect(runMonoliet({ parameters: getStats({ days: 400 }) })).rejects.toMatchObject({ message: 'Days must be a whole number from 1 to 366, not 400' });
    await expect(runMonoliet({ parameters: getStats({ filters: { until: '2026-02-30' } }) })).rejects.toMatchObject({ message: '"2026-02-30" is not a valid date' });
    expect(portal.requests).toHaveLength(0);
  });

  it("fails with the portal's message, or outputs it when the node continues on fail", async () => {
    const parameters = getStats({ filters: { clientId: '00000000-0000-4000-8000-000000000000' } });
    await expect(runMonoliet({ parameters })).rejects.toMatchObject({ message: 'Client not found', httpCode: '404' });
    const { output } = await runMonoliet({ parameters, continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Client not found' }, pairedItem: { item: 0 } }]);
  });
});
