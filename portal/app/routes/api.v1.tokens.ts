import { tokenRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { createToken, listTokens } from '~/services/api-tokens.server';

const resource = apiResource({
  GET: endpoint(tokenRoutes.list, ({ caller, query }) => listTokens({ caller, query })),
  POST: endpoint(tokenRoutes.create, ({ caller, body }) => createToken({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
