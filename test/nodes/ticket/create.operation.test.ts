import { ticketRoutes } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildTicketRecord, ticketOf } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const knownClient = randomUUID();
const knownWorkflow = { id: randomUUID(), name: 'Nightly export' };

beforeEach(() =>
  portal.serve(ticketRoutes.create, ({ body }) => {
    if (body.clientId && body.clientId !== knownClient) return errorEnvelope('not_found', 'Client not found');
    if (body.workflowId && body.workflowId !== knownWorkflow.id) return errorEnvelope('not_found', 'Workflow not found');
    const { clientId = knownClient, workflowId, ...fields } = body;
    return ticketOf(buildTicketRecord({ ...fields, clientId, workflow: workflowId ? knownWorkflow : null }));
  }),
);

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
    expect(output[0].json).toMatchObject({ subject: 'Export stopped', status: 'open', priority: 'urgent', number: expect.any(Number) });
  });

  it('sends the client and the workflow the ticket is about when given', async () => {
    const { output } = await runMonoliet({ parameters: createTicket({ clientId: knownClient, workflowId: ` ${knownWorkflow.id} ` }), items: form.slice(0, 1) });
    expect(portal.requests[0].body).toMatchObject({ clientId: knownClient, workflowId: knownWorkflow.id });
    expect(output[0].json).toMatchObject({ clientId: knownClient, workflow: knownWorkflow });
  });

  it("fails with the portal's message for an unknown client", async () => {
    const run = runMonoliet({ parameters: createTicket({ clientId: randomUUID() }), items: form.slice(0, 1) });
    await expect(run).rejects.toMatchObject({ message: 'Client not found', httpCode: '404', context: { itemIndex: 0 } });
  });

  it('refuses a client ID that is not a portal ID before calling the portal', async () => {
    await expect(runMonoliet({ parameters: createTicket({ clientId: 'acme' }), items: form.slice(0, 1) })).rejects.toMatchObject({ message: '"acme" is not a valid client ID' });
    expect(portal.requests).toHaveLength(0);
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
