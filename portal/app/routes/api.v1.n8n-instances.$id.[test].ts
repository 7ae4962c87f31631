import { n8nInstanceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { testInstanceConnection } from '~/services/n8n-instance-test.server';

// `[test]` keeps the file from looking like a test file (to Remix and jest); the path is /n8n-instances/{id}/test
const resource = apiResource({
  POST: endpoint(n8nInstanceRoutes.test, ({ caller, params }) => testInstanceConnection({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
