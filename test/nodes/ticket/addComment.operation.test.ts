import { ticketRoutes, type TicketCommentDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const ticketId = randomUUID();
const author = { id: randomUUID(), name: 'Noor', role: 'staff' as const };

/** The comments route as the portal answers a client token: internal notes are staff-only. */
function serveComments({ asStaff }: { asStaff: boolean }) {
  portal.serve(ticketRoutes.comment, ({ params, body }) => {
    if (params.id !== ticketId) return errorEnvelope('not_found', 'Ticket not found');
    if (body.internal && !asStaff) return errorEnvelope('forbidden', 'Only agency staff can write internal notes');
    const comment: TicketCommentDto = { id: randomUUID(), ticketId, body: body.body, internal: body.internal, author, createdAt: new Date().toISOString() };
    return comment;
  });
}

const addComment = (parameters: Record<string, unknown>) => ({ resource: 'ticket', operation: 'addComment', ticketId: locator('id', ticketId), options: {}, ...parameters });
const replies = [{ json: { text: 'We restarted the export' } }, { json: { text: 'It ran again at 02:00' } }];

describe('Ticket → Add Comment', () => {
  it('replies once per item and outputs each comment, paired with its item', async () => {
    serveComments({ asStaff: false });
    const { output } = await runMonoliet({ parameters: addComment({ body: (i: number) => replies[i].json.text }), items: replies });
    expect(portal.requests.map(({ method, path, authorization, body }) => ({ method, path, authorization, body }))).toEqual([
      { method: 'POST', path: `/api/v1/tickets/${ticketId}/comments`, authorization: `Bearer ${API_TOKEN}`, body: { body: 'We restarted the export', internal: false } },
      { method: 'POST', path: `/api/v1/tickets/${ticketId}/comments`, authorization: `Bearer ${API_TOKEN}`, body: { body: 'It ran again at 02:00', internal: false } },
    ]);
    expect(output).toEqual([
      { json: expect.objectContaining({ body: 'We restarted the export', internal: false, ticketId }), pairedItem: { item: 0 } },
      { json: expect.objectContaining({ body: 'It ran again at 02:00' }), pairedItem: { item: 1 } },
    ]);
  });

  it('adds an internal note with a staff token', async () => {
    serveComments({ asStaff: true });
    const { output } = await runMonoliet({ parameters: addComment({ body: 'Client forgot to renew the key', options: { internal: true } }) });
    expect(portal.requests[0].body).toEqual({ body: 'Client forgot to renew the key', internal: true });
    expect(output[0].json).toMatchObject({ internal: true });
  });

  it("fails with the portal's message when a client token writes an internal note", async () => {
    serveComments({ asStaff: false });
    await expect(runMonoliet({ parameters: addComment({ body: 'note', options: { internal: true } }) })).rejects.toMatchObject({
      message: 'Only agency staff can write internal notes',
      httpCode: '403',
    });
  });

  it('outputs the reason for an empty message and goes on when the node continues on fail', async () => {
    serveComments({ asStaff: false });
    const { output } = await runMonoliet({ parameters: addComment({ body: (i: number) => (i === 0 ? '   ' : replies[i].json.text) }), items: replies, continueOnFail: true });
    expect(output).toEqual([
      { json: { error: 'Invalid request body' }, pairedItem: { item: 0 } },
      { json: expect.objectContaining({ body: 'It ran again at 02:00' }), pairedItem: { item: 1 } },
    ]);
  });
});
