import { clientRoutes } from '@monoliet/contract';
import { API_TOKEN } from '../helpers/fake-n8n';
import { errorEnvelope, useFakePortal } from '../helpers/fake-portal';
import { buildClientRecord } from '../helpers/records';
import { runMonoliet, threeItems } from '../helpers/run-node';

const portal = useFakePortal();
const parameters = { resource: 'client', operation: 'getMe' };

describe('Client → Get Me', () => {
  it("outputs the token's own client for each item", async () => {
    const client = buildClientRecord();
    portal.serve(clientRoutes.me, () => client);
    const { output } = await runMonoliet({ parameters, items: threeItems });
    expect(portal.requests.map(({ method, path, authorization }) => ({ method, path, authorization }))).toEqual(
      Array.from({ length: 3 }, () => ({ method: 'GET', path: '/api/v1/clients/me', authorization: `Bearer ${API_TOKEN}` })),
    );
    expect(output).toEqual([0, 1, 2].map((item) => ({ json: client, pairedItem: { item } })));
  });

  it("fails with the portal's message for a staff token, which belongs to no client", async () => {
    portal.serve(clientRoutes.me, () => errorEnvelope('not_found', 'Staff users do not belong to a client'));
    await expect(runMonoliet({ parameters })).rejects.toMatchObject({ message: 'Staff users do not belong to a client', httpCode: '404' });
    const { output } = await runMonoliet({ parameters, continueOnFail: true });
    expect(output).toEqual([{ json: { error: 'Staff users do not belong to a client' }, pairedItem: { item: 0 } }]);
  });
});
