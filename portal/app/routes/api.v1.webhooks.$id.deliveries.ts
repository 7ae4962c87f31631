import { webhookRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { listWebhookDeliveries } from '~/services/webhook-deliveries.server';

const resource = apiResource({
  GET: endpoint(webhookRoutes.deliveries, ({ caller, params, query }) => listWebhookDeliveries({ caller, id: params.id, query })),
});

export const loader = resource.loader;
export const action = resource.action;
