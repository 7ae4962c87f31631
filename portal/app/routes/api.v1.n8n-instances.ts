import { n8nInstanceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { createInstance, listInstances } from '~/services/n8n-instances.server';

const resource = apiResource({
  GET: endpoint(n8nInstanceRoutes.list, ({ caller, query }) => listInstances({ caller, query })),
  POST: endpoint(n8nInstanceRoutes.create, ({ caller, body }) => createInstance({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
