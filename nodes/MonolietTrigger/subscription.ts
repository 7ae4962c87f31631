import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import type {
	WebhookEvent,
	WebhookSubscription,
	WebhookSubscriptionCreate,
	WebhookSubscriptionCreated,
} from '../shared/contract';
import { monolietApiRequest, sendPortalRequest, toNodeApiError } from '../Monoliet/transport';

/** What the trigger keeps in the workflow's static data about its portal subscription. */
type SubscriptionState = { subscriptionId?: string; secret?: string };

export function readState(context: Pick<IHookFunctions, 'getWorkflowStaticData'>): SubscriptionState & IDataObject {
	return context.getWorkflowStaticData('node') as SubscriptionState & IDataObject;
}

/**
 * Whether the portal still has this node's subscription, for this URL and these events. A subscription
 * that is gone is forgotten; one that no longer matches is removed, so that `create` replaces it.
 */
export async function checkSubscriptionExists(this: IHookFunctions): Promise<boolean> {
	const state = readState(this);
	if (!state.subscriptionId) return false;
	const outcome = await sendPortalRequest.call(this, {
		method: 'GET',
		path: `/api/v1/webhooks/${encodeURIComponent(state.subscriptionId)}`,
	});
	if (!outcome.ok && outcome.reachable && outcome.status === 404) {
		forget(state);
		return false;
	}
	if (!outcome.ok) throw toNodeApiError(this, { failure: outcome });
	const subscription = outcome.body as WebhookSubscription;
	if (state.secret && subscription.isActive && matchesNode(this, subscription)) return true;
	await deleteSubscription.call(this);
	return false;
}

export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const body: WebhookSubscriptionCreate & IDataObject = {
		targetUrl: webhookUrl(this),
		events: this.getNodeParameter('events') as WebhookEvent[],
		description: describeSubscription(this),
	};
	const created = (await monolietApiRequest.call(this, {
		method: 'POST',
		path: '/api/v1/webhooks',
		body,
	})) as WebhookSubscriptionCreated;
	const state = readState(this);
	state.subscriptionId = created.id;
	// the portal shows the signing secret only in this answer
	state.secret = created.secret;
	return true;
}

/** Removes the subscription; one the portal no longer has counts as removed. */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const state = readState(this);
	if (!state.subscriptionId) return true;
	const outcome = await sendPortalRequest.call(this, {
		method: 'DELETE',
		path: `/api/v1/webhooks/${encodeURIComponent(state.subscriptionId)}`,
	});
	if (!outcome.ok && !(outcome.reachable && outcome.status === 404)) return false;
	forget(state);
	return true;
}

function forget(state: SubscriptionState & IDataObject): void {
	delete state.subscriptionId;
	delete state.secret;
}

function matchesNode(context: IHookFunctions, subscription: WebhookSubscription): boolean {
	const wanted = new Set(context.getNodeParameter('events') as WebhookEvent[]);
	return (
		subscription.targetUrl === webhookUrl(context) &&
		subscription.events.length === wanted.size &&
		subscription.events.every((event) => wanted.has(event))
	);
}

function webhookUrl(context: IHookFunctions): string {
	return context.getNodeWebhookUrl('default') as string;
}

/** Shown in the portal's list of subscriptions, so staff know where each one comes from. */
function describeSubscription(context: IHookFunctions): string {
	const workflow = context.getWorkflow();
	return `n8n: ${workflow.name ?? workflow.id ?? 'workflow'} / ${context.getNode().name}`.slice(0, 200);
}
