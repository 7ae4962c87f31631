import { jobRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { actorOf } from '~/lib/caller.server';
import { retryDeadJob } from '~/services/jobs.server';

const resource = apiResource({
  POST: endpoint(jobRoutes.retry, ({ caller, params }) => retryDeadJob({ id: params.id, actor: actorOf(caller) })),
});

export const loader = resource.loader;
export const action = resource.action;
