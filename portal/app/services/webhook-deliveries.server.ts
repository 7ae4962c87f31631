import type { WebhookDeliveryDto, WebhookDeliveryListQuery } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { paginate } from '~/lib/pagination.server';
import { WebhookDelivery } from '~/models/index.server';
import { findVisibleSubscription } from './webhook-subscriptions.server';

export function toWebhookDeliveryDto(delivery: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    payload: delivery.payload,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}

/** The deliveries of a subscription the caller may see, newest first. */
export async function listWebhookDeliveries({ caller, id, query }: { caller: Caller; id: string; query: WebhookDeliveryListQuery }) {
  const subscription = await findVisibleSubscription({ caller, id });
  const where = { subscriptionId: subscription.id, ...(query.status ? { status: query.status } : {}) };
  const page = await paginate({ model: WebhookDelivery, where, order: { field: 'createdAt', direction: 'DESC' }, limit: query.limit, cursor: query.cursor });
  return { data: page.rows.map(toWebhookDeliveryDto), nextCursor: page.nextCursor };
}
