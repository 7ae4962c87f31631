import { ticketRoutes, type TicketDetail } from '@monoliet/contract';
import { API_TOKEN, PORTAL_URL, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildTicketRecord, ticketOf } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const tickets = new Map<string, TicketDetail>();

beforeEach(() => {
  tickets.clear();
  portal.serve(ticketRoutes.resolve, ({ params }) => {
    const ticket = tickets.get(params.id);
    if (!ticket) return errorEnvelope('not_found', 'Ticket not found');
    if (ticket.status === 'resolved') return errorEnvelope('conflict', 'This ticket is already resolved');
    const resolved = { ...ticket, status: 'resolved' as const, resolvedAt: new Date().toISOString() };
    tickets.set(ticket.id, resolved);
    return ticketOf(resolved);
  });
});

function stored(overrides: Partial<TicketDetail> = {}) {
  const ticket = buildTicketRecord(overrides);
  tickets.set(ticket.id, ticket);
  return ticket;
}

describe('Ticket → Resolve', () => {
  it('resolves the ticket without a body and outputs it', async () => {
    const ticket = stored({ status: 'in_progress' });
    const { output } = await runMonoliet({ parameters: { resource: 'ticket', operation: 'resolve', ticketId: locator('url', `${PORTAL_URL}/tickets/${ticket.id}`) } });
    expect(portal.requests).toEqual([{ method: 'POST', path: `/api/v1/tickets/${ticket.id}/resolve`, query: {}, authorization: `Bearer ${API_TOKEN}`, body: undefined }]);
    expect(output).toEqual([{ json: expect.objectContaining({ id: ticket.id, status: 'resolved', resolvedAt: expect.any(String) }), pairedItem: { item: 0 } }]);
  });

  it('resolves the ticket of each item, and outputs the conflict for one already resolved when continuing on fail', async () => {
    const open = stored();
    const done = stored({ status: 'resolved' });
    const items = [{ json: { id: done.id } }, { json: { id: open.id } }];
    const { output } = await runMonoliet({
      parameters: { resource: 'ticket', operation: 'resolve', ticketId: (i: number) => locator('id', items[i].json.id) },
      items,
      continueOnFail: true,
    });
    expect(output).toEqual([
      { json: { error: 'This ticket is already resolved' }, pairedItem: { item: 0 } },
      { json: expect.objectContaining({ id: open.id, status: 'resolved' }), pairedItem: { item: 1 } },
    ]);
  });

  it("fails with the portal's message without continue on fail", async () => {
    const done = stored({ status: 'resolved' });
    await expect(runMonoliet({ parameters: { resource: 'ticket', operation: 'resolve', ticketId: locator('id', done.id) } })).rejects.toMatchObject({
      message: 'This ticket is already resolved',
      httpCode: '409',
    });
  });
});
