import { z } from 'zod';

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
