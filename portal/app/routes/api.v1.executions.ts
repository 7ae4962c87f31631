import { executionRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { ingestExecutions } from '~/services/execution-ingest.server';
import { listExecutions } from '~/services/executions.server';

const resource = apiResource({
  GET: endpoint(executionRoutes.list, ({ caller, query }) => listExecutions({ caller, query })),
  POST: endpoint(executionRoutes.ingest, ({ caller, body }) => ingestExecutions({ caller, body })),
});

export const loader = resource.loader;
export const action = resource.action;
