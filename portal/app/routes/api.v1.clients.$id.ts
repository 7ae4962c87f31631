import { clientRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { getClient, updateClient } from '~/services/clients.server';

const resource = apiResource({
  GET: endpoint(clientRoutes.get, ({ caller, params }) => getClient({ caller, id: params.id })),
  PATCH: endpoint(clientRoutes.update, ({ caller, params, body }) => updateClient({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
