import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, jsonParse } from 'n8n-workflow';

import type { WebhookDeliveryBody } from '../shared/contract';
import { WEBHOOK_EVENTS, WEBHOOK_HEADERS } from '../shared/contract';
import { verifySignature } from './signature';
import {
	checkSubscriptionExists,
	createSubscription,
	deleteSubscription,
	readState,
} from './subscription';

const EVENT_DESCRIPTIONS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
	'credential.submitted': 'A client submitted API credentials',
	'invoice.created': 'An invoice was created',
	'invoice.overdue': 'An invoice passed its due date unpaid',
	'invoice.paid': 'An invoice was marked paid',
	'ticket.created': 'A support ticket was opened',
	'ticket.resolved': 'A support ticket was resolved',
	'ticket.updated': 'A support ticket changed (status, priority, assignee or a comment)',
	'workflow.failing': 'A workflow started failing',
	'workflow.recovered': 'A failing workflow ran successfully again',
};

export class MonolietTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Monoliet Trigger',
		name: 'monolietTrigger',
		icon: { light: 'file:../../icons/monoliet.svg', dark: 'file:../../icons/monoliet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when something happens in the Monoliet client portal',
		defaults: {
			name: 'Monoliet Trigger',
		},
		// A trigger cannot run as an AI tool; the key is typed `true | …`, so undefined states that it is not one.
		usableAsTool: undefined,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'monolietApi',
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// an empty 200: n8n would otherwise answer with the literal text "firstEntryJson"
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The portal events that start this workflow',
				options: [...WEBHOOK_EVENTS].sort().map((event) => ({
					name: event,
					value: event,
					description: EVENT_DESCRIPTIONS[event],
				})),
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkSubscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const reject = (status: number, error: string): IWebhookResponseData => {
			response.status(status).json({ error });
			return { noWebhookResponse: true };
		};
		const { secret } = readState(this);
		if (!secret) {
			return reject(401, 'This trigger has no signing secret; deactivate and activate the workflow to subscribe again');
		}
		// the signature covers the exact bytes sent, so it is checked on the raw body, not the parsed one
		if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
		const rawBody = request.rawBody ?? Buffer.alloc(0);
		const check = verifySignature({
			header: request.header(WEBHOOK_HEADERS.signature),
			rawBody,
			secret,
			now: Date.now(),
		});
		if (!check.valid) return reject(401, REJECTIONS[check.reason]);
		const delivery = jsonParse<WebhookDeliveryBody | undefined>(rawBody.toString('utf8'), {
			fallbackValue: undefined,
		});
		if (!delivery?.event) return reject(400, 'The delivery is not a Monoliet event');
		const events = this.getNodeParameter('events') as string[];
		// a subscription edited in the portal may send more than this node listens for
		if (!events.includes(delivery.event)) return { webhookResponse: { received: true, ignored: true } };
		return { workflowData: [this.helpers.returnJsonArray(delivery as unknown as IDataObject)] };
	}
}

const REJECTIONS = {
	missing: 'Missing signature',
	malformed: 'Malformed signature header',
	mismatch: 'Invalid signature',
	expired: 'Signature timestamp outside the allowed window (possible replay)',
} as const;
