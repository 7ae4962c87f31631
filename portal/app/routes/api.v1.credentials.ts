import { credentialRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { listCredentials, submitCredential } from '~/services/credentials.server';

const resource = apiResource({
  GET: endpoint(credentialRoutes.list, ({ caller, query }) => listCredentials({ caller, query })),
  POST: endpoint(credentialRoutes.create, ({ caller, body }) => submitCredential({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
