import { jobRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { listDeadJobs } from '~/services/jobs.server';

const resource = apiResource({
  GET: endpoint(jobRoutes.list, ({ query }) => listDeadJobs(query)),
});

export const loader = resource.loader;
export const action = resource.action;
