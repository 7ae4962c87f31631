import { authRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { signInWithToken } from '~/services/api-auth.server';

const resource = apiResource({
  POST: endpoint(authRoutes.token, ({ body, ip }) => signInWithToken({ ...body, ip })),
});

export const loader = resource.loader;
export const action = resource.action;
