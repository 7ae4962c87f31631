import { clientRoutes, type ClientDto } from '@monoliet/contract';
import { API_TOKEN } from '../helpers/fake-n8n';
import { pageOf } from '../helpers/contract-route';
import { useFakePortal } from '../helpers/fake-portal';
import { buildClientRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
let clients: ClientDto[] = [];

beforeEach(() => {
  clients = Array.from({ length: 510 }, (_, i) => buildClientRecord({ status: i % 5 === 0 ? 'churned' : 'active' }));
  portal.serve(clientRoutes.list, ({ query }) => {
    const matching = clients.filter((c) => (!query.status || c.status === query.status) && (!query.search || c.companyName.toLowerCase().includes(query.search.toLowerCase())));
    return pageOf(matching, query);
  });
});

const getMany = (parameters: Record<string, unknown>) => ({ resource: 'client', operation: 'getAll', returnAll: false, limit: 50, filters: {}, options: {}, ...parameters });

describe('Client → Get Many', () => {
  it('sends status, search and order, and outputs one item per client', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ limit: 10, filters: { status: 'churned', search: ' bv ' }, options: { order: '-createdAt' } }) });
    expect(portal.requests).toEqual([
      { method: 'GET', path: '/api/v1/clients', authorization: `Bearer ${API_TOKEN}`, body: undefined, query: { status: 'churned', search: 'bv', order: '-createdAt', limit: '10' } },
    ]);
    expect(output).toHaveLength(10);
    expect(output.every((item) => item.json.status === 'churned')).toBe(true);
    expect(output.map((item) => item.pairedItem)).toEqual(Array.from({ length: 10 }, () => ({ item: 0 })));
  });

  it('reads every page with Return All', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ returnAll: true }) });
    expect(output.map((item) => item.json.id)).toEqual(clients.map((c) => c.id));
    expect(portal.requests).toHaveLength(3);
    expect(portal.requests.slice(1).every((r) => typeof r.query.cursor === 'string')).toBe(true);
  });

  it('outputs the reason for a refused status when the node continues on fail', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ filters: { status: 'gone' } }), continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Invalid query' }, pairedItem: { item: 0 } }]);
  });
});
