import { jobRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { actorOf } from '~/lib/caller.server';
import { deleteDeadJob } from '~/services/jobs.server';

const resource = apiResource({
  DELETE: endpoint(jobRoutes.delete, async ({ caller, params }) => {
    await deleteDeadJob({ id: params.id, actor: actorOf(caller) });
  }),
});

export const loader = resource.loader;
export const action = resource.action;
