import { credentialRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { revealCredential } from '~/services/credential-reveal.server';

const resource = apiResource({
  POST: endpoint(credentialRoutes.reveal, ({ caller, params, body }) => revealCredential({ caller, id: params.id, proof: body })),
});

export const loader = resource.loader;
export const action = resource.action;
