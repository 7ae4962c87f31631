import { syncRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { getSyncRun } from '~/services/sync-runs.server';

const resource = apiResource({
  GET: endpoint(syncRoutes.get, ({ params }) => getSyncRun({ id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
