import { webhookRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { deleteWebhook, getWebhook, updateWebhook } from '~/services/webhook-subscriptions.server';

const resource = apiResource({
  GET: endpoint(webhookRoutes.get, ({ caller, params }) => getWebhook({ caller, id: params.id })),
  PATCH: endpoint(webhookRoutes.update, ({ caller, params, body }) => updateWebhook({ caller, id: params.id, input: body })),
  DELETE: endpoint(webhookRoutes.delete, ({ caller, params }) => deleteWebhook({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
