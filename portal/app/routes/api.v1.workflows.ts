import { workflowRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { listWorkflows } from '~/services/workflows.server';

const resource = apiResource({
  GET: endpoint(workflowRoutes.list, ({ caller, query }) => listWorkflows({ caller, query })),
});

export const loader = resource.loader;
export const action = resource.action;
