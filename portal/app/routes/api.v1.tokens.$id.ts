import { tokenRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { revokeToken } from '~/services/api-tokens.server';

const resource = apiResource({
  DELETE: endpoint(tokenRoutes.revoke, ({ caller, params }) => revokeToken({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
