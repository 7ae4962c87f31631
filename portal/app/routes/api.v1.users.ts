import { userRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { createUserAccount, listUsers } from '~/services/user-accounts.server';

const resource = apiResource({
  GET: endpoint(userRoutes.list, ({ caller, query }) => listUsers({ caller, query })),
  POST: endpoint(userRoutes.create, ({ caller, body }) => createUserAccount({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
