import { workflowRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { setWorkflowActive } from '~/services/workflow-activation.server';

const resource = apiResource({
  POST: endpoint(workflowRoutes.deactivate, ({ caller, params }) => setWorkflowActive({ caller, id: params.id, active: false })),
});

export const loader = resource.loader;
export const action = resource.action;
