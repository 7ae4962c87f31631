import { alertRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { listAlerts } from '~/services/alerts.server';

const resource = apiResource({
  GET: endpoint(alertRoutes.list, ({ caller, query }) => listAlerts({ caller, query })),
});

export const loader = resource.loader;
export const action = resource.action;
