import { executionRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { getExecution } from '~/services/executions.server';

const resource = apiResource({
  GET: endpoint(executionRoutes.get, ({ caller, params }) => getExecution({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
