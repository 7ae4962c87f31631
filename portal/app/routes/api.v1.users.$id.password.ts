import { userRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { setUserPassword } from '~/services/user-account-changes.server';

const resource = apiResource({
  POST: endpoint(userRoutes.setPassword, ({ caller, params, body }) => setUserPassword({ caller, id: params.id, password: body.password })),
});

export const loader = resource.loader;
export const action = resource.action;
