import { HttpResponse } from 'msw';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { API_TOKEN } from '../helpers/fake-n8n';
import { errorEnvelope, startFakePortal } from '../helpers/fake-portal';
import { runMonoliet } from '../helpers/run-node';

// POST /api/v1/tickets as agreed with the API (the contract does not hold the ticket schemas yet)
const TicketCreateSchema = z.strictObject({
  subject: z.string().min(1).max(200),
  description: z.string().min(1),
  priority: z.enum(['low', 'medium', 'high', 'urgent']),
  clientId: z.uuid().optional(),
});
const knownClient = randomUUID();

const portal = startFakePortal();
beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() =>
  portal.server.use(
    portal.route('post', '/api/v1/tickets', ({ body }) => {
      const parsed = TicketCreateSchema.safeParse(body);
      if (!parsed.success) return errorEnvelope('invalid_input', 'Invalid request body', { [String(parsed.error.issues[0].path[0])]: [parsed.error.issues[0].message] });
      if (parsed.data.clientId && parsed.data.clientId !== knownClient) return errorEnvelope('not_found', 'Client not found');
      return HttpResponse.json({ id: randomUUID(), status: 'open', ...parsed.data, clientId: parsed.data.clientId ?? knownClient }, { status: 201 });
    }),
  ),
);
afterEach(() => {
  portal.server.resetHandlers();
  portal.requests.length = 0;
});
afterAll(() => portal.server.close());

const form = [
  { json: { subject: 'Export stopped', details: 'The nightly export did not arrive', urgent: true } },
  { json: { subject: 'New user', details: 'Please add Jan to the portal', urgent: false } },
];
const createTicket = (additionalFields: Record<string, string> = {}) => ({
  resource: 'ticket',
  operation: 'create',
  // what expressions like {{ $json.subject }} give per item
  subject: (i: number) => form[i].json.subject,
  description: (i: number) => form[i].json.details,
  priority: (i: number) => (form[i].json.urgent ? 'urgent' : 'medium'),
  additionalFields,
});

describe('Ticket → Create', () => {
  it('opens one ticket per item and outputs each, paired with its item', async () => {
    const { output } = await runMonoliet({ parameters: createTicket(), items: form });
    expect(portal.requests.map(({ method, path, authorization, body }) => ({ method, path, authorization, body }))).toEqual([
      { method: 'POST', path: '/api/v1/tickets', authorization: `Bearer ${API_TOKEN}`, body: { subject: 'Export stopped', description: 'The nightly export did not arrive', priority: 'urgent' } },
      { method: 'POST', path: '/api/v1/tickets', authorization: `Bearer ${API_TOKEN}`, body: { subject: 'New user', description: 'Please add Jan to the portal', priority: 'medium' } },
    ]);
    expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    expect(output[0].json).toMatchObject({ subject: 'Export stopped', status: 'open', priority: 'urgent' });
  });

  it('sends the client when given', async () => {
    await runMonoliet({ parameters: createTicket({ clientId: knownClient }), items: form.slice(0, 1) });
    expect(portal.requests[0].body).toMatchObject({ clientId: knownClient });
  });

  it("fails with the portal's message for an unknown client", async () => {
    const run = runMonoliet({ parameters: createTicket({ clientId: randomUUID() }), items: form.slice(0, 1) });
    await expect(run).rejects.toMatchObject({ message: 'Client not found', httpCode: '404', context: { itemIndex: 0 } });
  });

  it('continues past a refused item when the node continues on fail', async () => {
    const parameters = { ...createTicket(), subject: (i: number) => (i === 0 ? '' : form[i].json.subject) };
    const { output } = await runMonoliet({ parameters, items: form, continueOnFail: true });
    expect(output).toEqual([
      { json: { error: 'Invalid request body' }, pairedItem: { item: 0 } },
      { json: expect.objectContaining({ subject: 'New user' }), pairedItem: { item: 1 } },
    ]);
  });
});
