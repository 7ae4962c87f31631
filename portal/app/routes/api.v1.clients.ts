import { clientRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { createClient, listClients } from '~/services/clients.server';

const resource = apiResource({
  GET: endpoint(clientRoutes.list, ({ caller, query }) => listClients({ caller, query })),
  POST: endpoint(clientRoutes.create, ({ caller, body }) => createClient({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
