import { workflowRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { updateWorkflow } from '~/services/workflow-updates.server';
import { getWorkflow } from '~/services/workflows.server';

const resource = apiResource({
  GET: endpoint(workflowRoutes.get, ({ caller, params }) => getWorkflow({ caller, id: params.id })),
  PATCH: endpoint(workflowRoutes.update, ({ caller, params, body }) => updateWorkflow({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
