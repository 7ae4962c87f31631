import { z } from 'zod';
import { defineRoute, IdParamsSchema, isoDateTime } from './api';
import { pageOf, PageQuerySchema } from './pagination';

/** Portal events that a webhook subscription (and the Monoliet Trigger node) can receive. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.resolved',
  'invoice.created',
  'invoice.paid',
  'invoice.overdue',
  'workflow.failing',
  'workflow.recovered',
  'credential.submitted',
] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/**
 * How a delivery is signed. The body is the JSON of WebhookDeliveryBody. The signature header is
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; receivers reject a timestamp more than
 * WEBHOOK_TOLERANCE_SECONDS away from their clock (replay bound) and compare in constant time.
 */
export const WEBHOOK_HEADERS = {
  signature: 'x-monoliet-signature',
  event: 'x-monoliet-event',
  delivery: 'x-monoliet-delivery',
} as const;
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function webhookSignedContent({ timestamp, body }: { timestamp: number; body: string }): string {
  return `${timestamp}.${body}`;
}

export const WebhookDeliveryBodySchema = z.object({
  /** the delivery id; the same on every retry of one delivery, so receivers can dedupe */
  id: z.uuid(),
  event: WebhookEventSchema,
  createdAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookDeliveryBody = z.infer<typeof WebhookDeliveryBodySchema>;

/** POST /api/v1/webhooks (what the Monoliet Trigger node registers). */
export const WebhookSubscriptionCreateSchema = z.object({
  targetUrl: z.url({ protocol: /^https?$/ }).max(2000),
  events: z.array(WebhookEventSchema).min(1).max(WEBHOOK_EVENTS.length),
  description: z.string().max(200).optional(),
});
export type WebhookSubscriptionCreate = z.infer<typeof WebhookSubscriptionCreateSchema>;

export const WebhookSubscriptionSchema = z.object({
  id: z.uuid(),
  targetUrl: z.string(),
  events: z.array(WebhookEventSchema),
  description: z.string(),
  isActive: z.boolean(),
  clientId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;

/** The create response: the signing secret is shown this once and never again. */
export const WebhookSubscriptionCreatedSchema = WebhookSubscriptionSchema.extend({ secret: z.string() });
export type WebhookSubscriptionCreated = z.infer<typeof WebhookSubscriptionCreatedSchema>;

export const WebhookSubscriptionUpdateSchema = z
  .object({
    events: WebhookSubscriptionCreateSchema.shape.events,
    description: z.string().max(200),
    /** false pauses deliveries without deleting the subscription */
    isActive: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type WebhookSubscriptionUpdate = z.infer<typeof WebhookSubscriptionUpdateSchema>;

export const WebhookListQuerySchema = PageQuerySchema.extend({
  event: WebhookEventSchema.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type WebhookListQuery = z.infer<typeof WebhookListQuerySchema>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** One delivery of an event to a subscription (retries update the same delivery). */
export const WebhookDeliverySchema = z.object({
  id: z.uuid(),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.int(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: isoDateTime.nullable(),
  /** the body that is (or was) sent */
  payload: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListQuerySchema = PageQuerySchema.extend({ status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional() });
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuerySchema>;

export const webhookRoutes = {
  list: defineRoute({ id: 'listWebhooks', method: 'GET', path: '/webhooks', summary: 'List webhook subscriptions (a client sees its own)', tag: 'Webhooks', access: 'user', scope: 'read', query: WebhookListQuerySchema, response: pageOf(WebhookSubscriptionSchema), status: 200 }),
  create: defineRoute({ id: 'createWebhook', method: 'POST', path: '/webhooks', summary: 'Subscribe a URL to portal events; the signing secret is returned once', tag: 'Webhooks', access: 'user', scope: 'write', body: WebhookSubscriptionCreateSchema, response: WebhookSubscriptionCreatedSchema, status: 201, example: { targetUrl: 'https://n8n.example.com/webhook/2b1f0c3e', events: ['ticket.created', 'invoice.paid'], description: 'Monoliet Trigger' }, description: 'Returns the signing secret once. Each delivery is a POST of `{ id, event, createdAt, data }` with the header `x-monoliet-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; reject timestamps more than 5 minutes off. A client user\'s subscription receives only its client\'s events; a staff subscription receives all.' }),
  get: defineRoute({ id: 'getWebhook', method: 'GET', path: '/webhooks/{id}', summary: 'Get a webhook subscription', tag: 'Webhooks', access: 'user', scope: 'read', params: IdParamsSchema, response: WebhookSubscriptionSchema, status: 200, resource: 'webhook' }),
  update: defineRoute({ id: 'updateWebhook', method: 'PATCH', path: '/webhooks/{id}', summary: 'Change the events, description or active flag of a subscription', tag: 'Webhooks', access: 'user', scope: 'write', params: IdParamsSchema, body: WebhookSubscriptionUpdateSchema, response: WebhookSubscriptionSchema, status: 200, resource: 'webhook', example: { isActive: false } }),
  delete: defineRoute({ id: 'deleteWebhook', method: 'DELETE', path: '/webhooks/{id}', summary: 'Delete a webhook subscription and its deliveries', tag: 'Webhooks', access: 'user', scope: 'write', params: IdParamsSchema, response: null, status: 204, resource: 'webhook' }),
  deliveries: defineRoute({ id: 'listWebhookDeliveries', method: 'GET', path: '/webhooks/{id}/deliveries', summary: 'The deliveries of a subscription, newest first', tag: 'Webhooks', access: 'user', scope: 'read', params: IdParamsSchema, query: WebhookDeliveryListQuerySchema, response: pageOf(WebhookDeliverySchema), status: 200, resource: 'webhook' }),
};
