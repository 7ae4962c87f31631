import type {
  WebhookEvent,
  WebhookListQuery,
  WebhookSubscription as WebhookSubscriptionDto,
  WebhookSubscriptionCreate,
  WebhookSubscriptionCreated,
  WebhookSubscriptionUpdate,
} from '@monoliet/contract';
import { Op, type WhereOptions } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { randomToken } from '~/lib/crypto.server';
import { ApiError } from '~/lib/errors.server';
import { paginate } from '~/lib/pagination.server';
import { clientScopeOf, isStaff } from '~/lib/policy.server';
import { getDb, WebhookSubscription } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { sealSecret } from './secrets.server';

// Subscriptions of the Monoliet Trigger node and of scripts. A client's subscription carries its client
// and only ever receives that client's events; staff subscriptions (no client) receive all of them.

const SECRET_PREFIX = 'whsec_';
const NOT_FOUND = 'Webhook subscription not found';

export function toWebhookDto(subscription: WebhookSubscription): WebhookSubscriptionDto {
  return {
    id: subscription.id,
    targetUrl: subscription.targetUrl,
    events: subscription.events as WebhookEvent[],
    description: subscription.description,
    isActive: subscription.isActive,
    clientId: subscription.clientId,
    createdAt: subscription.createdAt.toISOString(),
  };
}

/** The subscription if the caller may see it; another client's is "not found". */
export async function findVisibleSubscription({ caller, id }: { caller: Caller; id: string }): Promise<WebhookSubscription> {
  const subscription = await WebhookSubscription.findByPk(id);
  if (!subscription || (!isStaff(caller) && subscription.clientId !== caller.clientId)) throw new ApiError('not_found', NOT_FOUND);
  return subscription;
}

export async function listWebhooks({ caller, query }: { caller: Caller; query: WebhookListQuery }) {
  const own = clientScopeOf(caller);
  const where: WhereOptions<WebhookSubscription> = {
    ...(own ? { clientId: own } : {}),
    ...(query.event ? { events: { [Op.contains]: [query.event] } } : {}),
    ...(query.active === undefined ? {} : { isActive: query.active }),
  };
  const page = await paginate({ model: WebhookSubscription, where, order: { field: 'createdAt', direction: 'DESC' }, limit: query.limit, cursor: query.cursor });
  return { data: page.rows.map(toWebhookDto), nextCursor: page.nextCursor };
}

export async function getWebhook({ caller, id }: { caller: Caller; id: string }): Promise<WebhookSubscriptionDto> {
  return toWebhookDto(await findVisibleSubscription({ caller, id }));
}

/** Creates a subscription with a new signing secret, which is returned this once and stored encrypted. */
export async function createWebhook({ caller, input }: { caller: Caller; input: WebhookSubscriptionCreate }): Promise<WebhookSubscriptionCreated> {
  const clientId = clientScopeOf(caller) ?? null;
  const secret = `${SECRET_PREFIX}${randomToken(32)}`;
  const subscription = await getDb().transaction(async (transaction) => {
    const created = await WebhookSubscription.create(
      {
        targetUrl: input.targetUrl,
        events: [...new Set(input.events)],
        description: input.description?.trim() ?? '',
        secretEncrypted: sealSecret({ kind: 'webhookSecret', plaintext: secret }),
        clientId,
        createdById: caller.user.id,
      },
      { transaction },
    );
    await recordAudit(
      { actor: actorOf(caller), action: 'webhook.create', target: { type: 'webhook_subscription', id: created.id }, clientId, metadata: { targetUrl: input.targetUrl, events: created.events } },
      transaction,
    );
    return created;
  });
  return { ...toWebhookDto(subscription), secret };
}

export async function updateWebhook({ caller, id, input }: { caller: Caller; id: string; input: WebhookSubscriptionUpdate }): Promise<WebhookSubscriptionDto> {
  const subscription = await findVisibleSubscription({ caller, id });
  await getDb().transaction(async (transaction) => {
    await subscription.update(
      {
        ...(input.events ? { events: [...new Set(input.events)] } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      },
      { transaction },
    );
    await recordAudit(
      { actor: actorOf(caller), action: 'webhook.update', target: { type: 'webhook_subscription', id }, clientId: subscription.clientId, metadata: { fields: Object.keys(input) } },
      transaction,
    );
  });
  return toWebhookDto(subscription);
}

/** Deletes the subscription; its delivery history goes with it (ON DELETE CASCADE). */
export async function deleteWebhook({ caller, id }: { caller: Caller; id: string }) {
  const subscription = await findVisibleSubscription({ caller, id });
  await getDb().transaction(async (transaction) => {
    await subscription.destroy({ transaction });
    await recordAudit(
      { actor: actorOf(caller), action: 'webhook.delete', target: { type: 'webhook_subscription', id }, clientId: subscription.clientId, metadata: { targetUrl: subscription.targetUrl } },
      transaction,
    );
  });
}
