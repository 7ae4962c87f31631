import { ticketRoutes, type TicketDetail } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { API_TOKEN, PORTAL_URL, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildTicketRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const tickets = new Map<string, TicketDetail>();
beforeEach(() => {
  tickets.clear();
  portal.serve(ticketRoutes.get, ({ params }) => tickets.get(params.id) ?? errorEnvelope('not_found', 'Ticket not found'));
});

function stored(overrides: Partial<TicketDetail> = {}) {
  const ticket = buildTicketRecord(overrides);
  tickets.set(ticket.id, ticket);
  return ticket;
}

const getTicket = (ticketId: unknown) => ({ resource: 'ticket', operation: 'get', ticketId });

describe('Ticket → Get', () => {
  it('gets the ticket of each item with its conversation and history, paired with the item', async () => {
    const first = stored({
      comments: [{ id: randomUUID(), ticketId: randomUUID(), body: 'Looking into it', internal: false, author: null, createdAt: '2026-11-25T10:00:00.000Z' }],
    });
    const second = stored();
    const items = [{ json: { id: first.id } }, { json: { id: second.id } }];
    const { output } = await runMonoliet({ parameters: getTicket((i: number) => locator('list', items[i].json.id)), items });

    expect(portal.requests.map(({ method, path, authorization, body }) => ({ method, path, authorization, body }))).toEqual([
      { method: 'GET', path: `/api/v1/tickets/${first.id}`, authorization: `Bearer ${API_TOKEN}`, body: undefined },
      { method: 'GET', path: `/api/v1/tickets/${second.id}`, authorization: `Bearer ${API_TOKEN}`, body: undefined },
    ]);
    expect(output).toEqual([
      { json: first, pairedItem: { item: 0 } },
      { json: second, pairedItem: { item: 1 } },
    ]);
  });

  it("takes the ticket from a portal page's URL", async () => {
    const ticket = stored();
    const { output } = await runMonoliet({ parameters: getTicket(locator('url', `${PORTAL_URL}/tickets/${ticket.id}?tab=history`)) });
    expect(output[0].json).toMatchObject({ id: ticket.id, number: ticket.number });
  });

  it('takes a typed ID, ignoring surrounding spaces', async () => {
    const ticket = stored();
    await runMonoliet({ parameters: getTicket(locator('id', `  ${ticket.id} `)) });
    expect(portal.requests[0].path).toBe(`/api/v1/tickets/${ticket.id}`);
  });

  it('refuses an ID that is not a portal ID before calling the portal', async () => {
    const run = runMonoliet({ parameters: getTicket(locator('id', '1042')) });
    await expect(run).rejects.toThrow(NodeOperationError);
    await expect(runMonoliet({ parameters: getTicket(locator('id', '../invoices')) })).rejects.toMatchObject({ message: '"../invoices" is not a valid ticket ID' });
    expect(portal.requests).toHaveLength(0);
  });

  it("fails with the portal's message for a ticket it does not show this token", async () => {
    const run = runMonoliet({ parameters: getTicket(locator('id', randomUUID())) });
    await expect(run).rejects.toThrow(NodeApiError);
    await expect(runMonoliet({ parameters: getTicket(locator('id', randomUUID())) })).rejects.toMatchObject({ message: 'Ticket not found', httpCode: '404' });
  });

  it('outputs the error for the failing item and goes on when the node continues on fail', async () => {
    const ticket = stored();
    const ids = [randomUUID(), ticket.id];
    const items = ids.map((id) => ({ json: { id } }));
    const { output } = await runMonoliet({ parameters: getTicket((i: number) => locator('id', ids[i])), items, continueOnFail: true });
    expect(output).toEqual([
      { json: { error: 'Ticket not found' }, pairedItem: { item: 0 } },
      { json: ticket, pairedItem: { item: 1 } },
    ]);
  });
});
