import { ticketRoutes, type TicketDetail } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN } from '../helpers/fake-n8n';
import { pageOf } from '../helpers/contract-route';
import { useFakePortal } from '../helpers/fake-portal';
import { buildTicketRecord, ticketOf } from '../helpers/records';
import { runMonoliet, threeItems } from '../helpers/run-node';

const portal = useFakePortal();
const clientId = randomUUID();
const workflowId = randomUUID();
let tickets: TicketDetail[] = [];

/** The list route over `tickets`, applying the status and client filters like the portal. */
function serveTickets() {
  portal.serve(ticketRoutes.list, ({ query }) => {
    const matching = tickets.filter((t) => (!query.status || query.status.includes(t.status)) && (!query.client || t.clientId === query.client));
    return pageOf(matching.map(ticketOf), query);
  });
}

beforeEach(() => {
  tickets = Array.from({ length: 1100 }, (_, i) => buildTicketRecord({ clientId, status: i % 2 ? 'open' : 'resolved' }));
  serveTickets();
});

const getMany = (parameters: Record<string, unknown>) => ({ resource: 'ticket', operation: 'getAll', returnAll: false, limit: 50, filters: {}, options: {}, ...parameters });

describe('Ticket → Get Many', () => {
  it('sends every filter as the portal names it, and outputs one item per ticket', async () => {
    const { output } = await runMonoliet({
      parameters: getMany({
        limit: 5,
        filters: { status: ['open', 'in_progress'], priority: ['high', 'urgent'], clientId, assignee: 'me', workflowId, search: ' export #1042 ' },
        options: { order: '-updatedAt' },
      }),
    });
    expect(portal.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v1/tickets',
        authorization: `Bearer ${API_TOKEN}`,
        body: undefined,
        query: { status: 'open,in_progress', priority: 'high,urgent', client: clientId, assignee: 'me', workflow: workflowId, search: 'export #1042', order: '-updatedAt', limit: '5' },
      },
    ]);
    expect(output).toHaveLength(5);
    expect(output.every((item) => item.json.status === 'open' && item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
  });

  it('leaves out the filters that are not set', async () => {
    await runMonoliet({ parameters: getMany({ filters: { status: [], search: '', assignee: '' } }) });
    expect(portal.requests[0].query).toEqual({ limit: '50' });
  });

  it('reads every page with Return All, sending the filters with each page', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ returnAll: true, filters: { status: ['resolved'] } }) });
    expect(output.map((item) => item.json.id)).toEqual(tickets.filter((t) => t.status === 'resolved').map((t) => t.id));
    expect(output).toHaveLength(550);
    expect(portal.requests.map((r) => r.query)).toEqual([
      { status: 'resolved', limit: '250' },
      { status: 'resolved', limit: '250', cursor: expect.any(String) },
      { status: 'resolved', limit: '250', cursor: expect.any(String) },
    ]);
  });

  it('stops at the limit across pages, asking only for what is missing', async () => {
    const { output } = await runMonoliet({ parameters: getMany({ limit: 260 }) });
    expect(output.map((item) => item.json.id)).toEqual(tickets.slice(0, 260).map((t) => t.id));
    expect(portal.requests.map((r) => r.query.limit)).toEqual(['250', '10']);
  });

  it('lists once per input item, pairing each ticket with the item that asked', async () => {
    const clients = [clientId, randomUUID(), clientId];
    const { output } = await runMonoliet({ parameters: getMany({ limit: 2, filters: { clientId: (i: number) => clients[i] } }), items: threeItems });
    expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 2 }, { item: 2 }]);
    expect(portal.requests.map((r) => r.query.client)).toEqual(clients);
  });

  it('refuses an assignee that is neither me, none nor a user ID, naming it', async () => {
    const run = runMonoliet({ parameters: getMany({ filters: { assignee: 'jan' } }) });
    await expect(run).rejects.toMatchObject({ message: '"jan" is not a valid assignee ID' });
    expect(portal.requests).toHaveLength(0);
  });

  it('refuses a limit below 1 instead of asking the portal for nothing', async () => {
    await expect(runMonoliet({ parameters: getMany({ limit: 0 }) })).rejects.toMatchObject({ message: 'Limit must be a whole number of 1 or more, not 0' });
  });

  it("outputs the portal's message for the failing item when the node continues on fail", async () => {
    const searches = ['export', 'x'.repeat(101)];
    const { output } = await runMonoliet({
      parameters: getMany({ limit: 1, filters: { search: (i: number) => searches[i] } }),
      items: [{ json: {} }, { json: {} }],
      continueOnFail: true,
    });
    expect(output).toEqual([
      { json: expect.objectContaining({ id: tickets[0].id }), pairedItem: { item: 0 } },
      { json: { error: 'Invalid query' }, pairedItem: { item: 1 } },
    ]);
  });
});
