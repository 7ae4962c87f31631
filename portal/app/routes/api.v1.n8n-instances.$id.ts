import { n8nInstanceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { deleteInstance, getInstance, updateInstance } from '~/services/n8n-instances.server';

const resource = apiResource({
  GET: endpoint(n8nInstanceRoutes.get, ({ caller, params }) => getInstance({ caller, id: params.id })),
  PATCH: endpoint(n8nInstanceRoutes.update, ({ caller, params, body }) => updateInstance({ caller, id: params.id, input: body })),
  DELETE: endpoint(n8nInstanceRoutes.delete, ({ caller, params }) => deleteInstance({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
