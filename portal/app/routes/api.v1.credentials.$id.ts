import { credentialRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { revokeCredential, updateCredential } from '~/services/credential-changes.server';
import { getCredential } from '~/services/credentials.server';

const resource = apiResource({
  GET: endpoint(credentialRoutes.get, ({ caller, params }) => getCredential({ caller, id: params.id })),
  PATCH: endpoint(credentialRoutes.update, ({ caller, params, body }) => updateCredential({ caller, id: params.id, input: body })),
  DELETE: endpoint(credentialRoutes.revoke, ({ caller, params }) => revokeCredential({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
