import { authRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { logoutToken } from '~/services/api-auth.server';

const resource = apiResource({
  POST: endpoint(authRoutes.logout, ({ caller }) => logoutToken(caller)),
});

export const loader = resource.loader;
export const action = resource.action;
