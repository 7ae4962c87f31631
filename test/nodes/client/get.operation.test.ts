import { clientRoutes, type ClientDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { API_TOKEN, locator } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildClientRecord } from '../helpers/records';
import { runMonoliet } from '../helpers/run-node';

const portal = useFakePortal();
const clients = new Map<string, ClientDto>();
beforeEach(() => {
  clients.clear();
  portal.serve(clientRoutes.get, ({ params }) => clients.get(params.id) ?? errorEnvelope('not_found', 'Client not found'));
});

describe('Client → Get', () => {
  it('gets the client of each item, paired with the item', async () => {
    const found = [buildClientRecord(), buildClientRecord({ notes: 'Pays late' })];
    for (const client of found) clients.set(client.id, client);
    const { output } = await runMonoliet({
      parameters: { resource: 'client', operation: 'get', clientId: (i: number) => locator('list', found[i].id) },
      items: [{ json: {} }, { json: {} }],
    });
    expect(portal.requests.map(({ method, path, authorization }) => ({ method, path, authorization }))).toEqual(
      found.map((client) => ({ method: 'GET', path: `/api/v1/clients/${client.id}`, authorization: `Bearer ${API_TOKEN}` })),
    );
    expect(output).toEqual([
      { json: found[0], pairedItem: { item: 0 } },
      { json: found[1], pairedItem: { item: 1 } },
    ]);
  });

  it("fails with the portal's message, or outputs it when the node continues on fail", async () => {
    const parameters = { resource: 'client', operation: 'get', clientId: locator('id', randomUUID()) };
    await expect(runMonoliet({ parameters })).rejects.toMatchObject({ message: 'Client not found', httpCode: '404' });
    const { output } = await runMonoliet({ parameters, continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Client not found' }, pairedItem: { item: 0 } }]);
  });
});
