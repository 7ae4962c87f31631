import { webhookRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { createWebhook, listWebhooks } from '~/services/webhook-subscriptions.server';

const resource = apiResource({
  GET: endpoint(webhookRoutes.list, ({ caller, query }) => listWebhooks({ caller, query })),
  POST: endpoint(webhookRoutes.create, ({ caller, body }) => createWebhook({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
