import { userRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { updateUserAccount } from '~/services/user-account-changes.server';
import { getUserAccount } from '~/services/user-accounts.server';

const resource = apiResource({
  GET: endpoint(userRoutes.get, ({ caller, params }) => getUserAccount({ caller, id: params.id })),
  PATCH: endpoint(userRoutes.update, ({ caller, params, body }) => updateUserAccount({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
