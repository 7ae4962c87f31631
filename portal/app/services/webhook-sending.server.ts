// Sending webhooks: a delivery per subscriber when an event happens, the signed POST (the `webhook` job)
// and a retry. Listing deliveries lives in webhook-deliveries.server.ts.

import { WEBHOOK_HEADERS, webhookSignedContent, type WebhookDeliveryBody, type WebhookEvent } from '@monoliet/contract';
import { createHmac } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { ApiError } from '~/lib/errors.server';
import { enqueueJob } from '~/lib/jobs/boss.server';
import { logger } from '~/lib/logger.server';
import { getDb, WebhookDelivery, WebhookSubscription } from '~/models/index.server';
import { openSecret } from './secrets.server';

const TIMEOUT_MS = 10_000;

/**
 * Creates a delivery (and its job) for every active subscription to `event`, in the caller's transaction.
 * A subscription made by a client only receives that client's events.
 */
export async function queueWebhookDeliveries({ event, data, clientId }: { event: WebhookEvent; data: Record<string, unknown>; clientId: string | null }, transaction: Transaction): Promise<WebhookDelivery[]> {
  const subscriptions = await WebhookSubscription.findAll({
    where: { isActive: true, events: { [Op.contains]: [event] }, [Op.or]: [{ clientId: null }, ...(clientId ? [{ clientId }] : [])] },
    attributes: ['id'],
    transaction,
  });
  const deliveries: WebhookDelivery[] = [];
  for (const subscription of subscriptions) {
    const delivery = await WebhookDelivery.create({ subscriptionId: subscription.id, event, payload: data, lastStatusCode: null, lastError: null, deliveredAt: null }, { transaction });
    await enqueueJob({ queue: 'webhook', data: { deliveryId: delivery.id }, transaction });
    deliveries.push(delivery);
  }
  return deliveries;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, as packages/contract/src/webhooks.ts specifies. */
export function signWebhookBody({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string {
  const signature = createHmac('sha256', secret).update(webhookSignedContent({ timestamp, body })).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * The `webhook` job: POSTs one delivery, signed, and records the attempt. A 2xx answer delivers it; any
 * other answer or no answer throws, and pg-boss retries with backoff; the last attempt marks it failed.
 */
export async function deliverWebhook({ deliveryId, isFinalAttempt }: { deliveryId: string; isFinalAttempt: boolean }): Promise<'delivered' | 'skipped'> {
  const delivery = await WebhookDelivery.findByPk(deliveryId, { include: [{ association: 'subscription' }] });
  if (!delivery || delivery.status === 'delivered') return 'skipped';
  const subscription = delivery.subscription;
  if (!subscription?.isActive) {
    await delivery.update({ status: 'failed', lastError: 'The subscription is no longer active' });
    return 'skipped';
  }
  const body: WebhookDeliveryBody = { id: delivery.id, event: delivery.event as WebhookEvent, createdAt: delivery.createdAt.toISOString(), data: delivery.payload };
  const raw = JSON.stringify(body);
  const result = await post({ url: subscription.targetUrl, raw, delivery, secret: openSecret({ kind: 'webhookSecret', ciphertext: subscription.secretEncrypted }) });
  await WebhookDelivery.update(
    {
      status: result.ok ? 'delivered' : isFinalAttempt ? 'failed' : 'pending',
      attempts: getDb().literal('attempts + 1') as unknown as number,
      lastStatusCode: result.status,
      lastError: result.ok ? null : result.error,
      deliveredAt: result.ok ? new Date() : null,
    },
    { where: { id: delivery.id } },
  );
  if (!result.ok) throw new Error(`Webhook not delivered: ${result.error}`);
  return 'delivered';
}

async function post({ url, raw, delivery, secret }: { url: string; raw: string; delivery: WebhookDelivery; secret: string }): Promise<{ ok: boolean; status: number | null; error: string }> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Monoliet-Webhooks/1',
        [WEBHOOK_HEADERS.signature]: signWebhookBody({ secret, timestamp, body: raw }),
        [WEBHOOK_HEADERS.event]: delivery.event,
        [WEBHOOK_HEADERS.delivery]: delivery.id,
      },
      body: raw,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { ok: true, status: response.status, error: '' };
    return { ok: false, status: response.status, error: `The receiver answered ${response.status}` };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    logger.debug({ deliveryId: delivery.id, err: error }, 'webhook delivery failed');
    return { ok: false, status: null, error: timedOut ? `No answer within ${TIMEOUT_MS / 1000} s` : `Cannot reach the receiver${cause ? ` (${cause})` : ''}` };
  }
}

/** Sends a delivery again with a fresh retry budget (staff; also after it was dead-lettered). */
export async function retryWebhookDelivery({ deliveryId }: { deliveryId: string }): Promise<WebhookDelivery> {
  return getDb().transaction(async (transaction) => {
    const delivery = await WebhookDelivery.findByPk(deliveryId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!delivery) throw new ApiError('not_found', 'Webhook delivery not found');
    if (delivery.status === 'delivered') throw new ApiError('conflict', 'This delivery was already delivered');
    await delivery.update({ status: 'pending' }, { transaction });
    await enqueueJob({ queue: 'webhook', data: { deliveryId: delivery.id }, transaction });
    return delivery;
  });
}
