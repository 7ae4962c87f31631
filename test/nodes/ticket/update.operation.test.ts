import { ticketRoutes, type TicketDetail } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildTicketRecord, ticketOf } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const staffUser = { id: randomUUID(), name: 'Noor', role: 'staff' as const };
let ticket: TicketDetail;

beforeEach(() => {
  ticket = buildTicketRecord({ status: 'resolved' });
  portal.serve(ticketRoutes.update, ({ params, body }) => {
    if (params.id !== ticket.id) return errorEnvelope('not_found', 'Ticket not found');
    if (body.status === 'in_progress' && ticket.status === 'resolved') return errorEnvelope('conflict', 'A resolved ticket can only be reopened');
    const { assigneeId, ...changes } = body;
    const assignee = assigneeId === undefined ? ticket.assignee : assigneeId === null ? null : { ...staffUser, id: assigneeId };
    ticket = { ...ticket, ...changes, assignee };
    return ticketOf(ticket);
  });
});

const update = (updateFields: Record<string, unknown>) => ({ resource: 'ticket', operation: 'update', ticketId: locator('list', ticket.id), updateFields });

describe('Ticket → Update', () => {
  it('sends only the fields that were added, and outputs the updated ticket', async () => {
    const { output } = await runMonoliet({ parameters: update({ status: 'open', priority: 'urgent', assigneeId: staffUser.id }) });
    expect(portal.requests).toEqual([
      {
        method: 'PATCH',
        path: `/api/v1/tickets/${ticket.id}`,
        query: {},
        authorization: `Bearer ${API_TOKEN}`,
        body: { status: 'open', priority: 'urgent', assigneeId: staffUser.id },
      },
    ]);
    expect(output).toEqual([{ json: expect.objectContaining({ status: 'open', priority: 'urgent', assignee: staffUser }), pairedItem: { item: 0 } }]);
  });

  it('unassigns the ticket when the assignee is "none"', async () => {
    ticket = { ...ticket, assignee: staffUser };
    const { output } = await runMonoliet({ parameters: update({ assigneeId: 'none' }) });
    expect(portal.requests[0].body).toEqual({ assigneeId: null });
    expect(output[0].json.assignee).toBeNull();
  });

  it('corrects the subject and description', async () => {
    await runMonoliet({ parameters: update({ subject: 'Export stopped on Mondays', description: 'Only the Monday run fails' }) });
    expect(portal.requests[0].body).toEqual({ subject: 'Export stopped on Mondays', description: 'Only the Monday run fails' });
  });

  it('refuses to send an update without any field', async () => {
    await expect(runMonoliet({ parameters: update({}) })).rejects.toMatchObject({ message: 'Add at least one field to update' });
    expect(portal.requests).toHaveLength(0);
  });

  it("fails with the portal's message when the status change is not allowed", async () => {
    await expect(runMonoliet({ parameters: update({ status: 'in_progress' }) })).rejects.toMatchObject({
      message: 'A resolved ticket can only be reopened',
      httpCode: '409',
      description: expect.stringContaining('Error code: conflict'),
    });
  });

  it('outputs the error and goes on when the node continues on fail', async () => {
    const { output } = await runMonoliet({ parameters: update({ status: 'in_progress' }), continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'A resolved ticket can only be reopened' }, pairedItem: { item: 0 } }]);
  });
});
