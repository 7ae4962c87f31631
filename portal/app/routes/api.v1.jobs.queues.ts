import { jobRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { countJobs } from '~/services/jobs.server';

const resource = apiResource({
  GET: endpoint(jobRoutes.queues, async () => ({ data: await countJobs() })),
});

export const loader = resource.loader;
export const action = resource.action;
