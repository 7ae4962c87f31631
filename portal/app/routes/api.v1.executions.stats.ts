import { executionRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { getExecutionStats } from '~/services/execution-stats.server';

const resource = apiResource({
  GET: endpoint(executionRoutes.stats, ({ caller, query }) => getExecutionStats({ caller, query })),
});

export const loader = resource.loader;
export const action = resource.action;
