import type { WebhookEvent } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import { queueEmails, type QueuedEmail } from './emails.server';
import { queueWebhookDeliveries } from './webhook-sending.server';

export type PortalEvent = {
  event: WebhookEvent;
  /** the webhook payload's `data` */
  data: Record<string, unknown>;
  /** the client the event is about; client-made subscriptions only receive their own client's events */
  clientId: string | null;
  /** the mails this event sends, rendered (see the notify functions) */
  emails?: QueuedEmail[];
};

/**
 * Fans an event out, inside the caller's transaction: records its emails and creates a webhook delivery for
 * every matching subscription, and enqueues all of their jobs. Rolled back with the change, nothing is sent;
 * committed, each is sent once (retried until it is).
 */
export async function publishEvent({ event, data, clientId, emails = [] }: PortalEvent, transaction: Transaction) {
  const queued = await queueEmails(emails, transaction);
  const deliveries = await queueWebhookDeliveries({ event, data, clientId }, transaction);
  return { emails: queued.length, deliveries: deliveries.length };
}
