import { authRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { describeCaller } from '~/services/api-auth.server';

const resource = apiResource({
  GET: endpoint(authRoutes.me, async ({ caller }) => describeCaller(caller)),
});

export const loader = resource.loader;
export const action = resource.action;
