import { syncRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { actorOf } from '~/lib/caller.server';
import { requestSync } from '~/services/sync-runs.server';

const resource = apiResource({
  POST: endpoint(syncRoutes.start, ({ caller, params }) => requestSync({ instanceId: params.id, actor: actorOf(caller) })),
});

export const loader = resource.loader;
export const action = resource.action;
