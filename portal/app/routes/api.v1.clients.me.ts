import { clientRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { getMyClient } from '~/services/clients.server';

const resource = apiResource({
  GET: endpoint(clientRoutes.me, ({ caller }) => getMyClient(caller)),
});

export const loader = resource.loader;
export const action = resource.action;
