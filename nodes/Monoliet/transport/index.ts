import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ErrorEnvelope, Page } from '../../shared/contract';
import { MAX_PAGE_SIZE } from '../../shared/contract';

export const CREDENTIAL_TYPE = 'monolietApi';

export type MonolietContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export type PortalRequest = {
	method: IHttpRequestMethods;
	/** path below the portal URL, e.g. `/api/v1/executions` */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** milliseconds before an attempt counts as unreachable */
	timeout?: number;
};

/**
 * What one call to the portal came to. Failures are values here, so that callers that retry or carry on
 * (Report) can look at them; `monolietApiRequest` turns them into a NodeApiError.
 */
export type PortalOutcome =
	| { ok: true; status: number; body: unknown }
	| { ok: false; reachable: false; url: string; cause: string }
	| { ok: false; reachable: true; url: string; status: number; body: unknown };

export type PortalFailure = Exclude<PortalOutcome, { ok: true }>;

/** Statuses after which the same request may succeed a little later. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function isTransientFailure(outcome: PortalFailure): boolean {
	return !outcome.reachable || TRANSIENT_STATUSES.has(outcome.status);
}

export function portalBaseUrl(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** Sends one authenticated request to the portal; never throws. */
export async function sendPortalRequest(
	this: MonolietContext,
	request: PortalRequest,
): Promise<PortalOutcome> {
	const credentials = await this.getCredentials<{ url: string }>(CREDENTIAL_TYPE);
	const url = `${portalBaseUrl(credentials.url)}${request.path}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		json: true,
		timeout: request.timeout,
		returnFullResponse: true,
		// the portal's error envelope is read below instead of n8n's generic status message
		ignoreHttpStatusErrors: true,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		return { ok: false, reachable: false, url, cause: describeCause(error) };
	}
	if (response.statusCode >= 400) {
		return { ok: false, reachable: true, url, status: response.statusCode, body: response.body };
	}
	return { ok: true, status: response.statusCode, body: response.body };
}

/** Sends one request and returns the portal's JSON answer, or throws a NodeApiError with its message. */
export async function monolietApiRequest(
	this: MonolietContext,
	request: PortalRequest & { itemIndex?: number },
): Promise<unknown> {
	const outcome = await sendPortalRequest.call(this, request);
	if (!outcome.ok) throw toNodeApiError(this, { failure: outcome, itemIndex: request.itemIndex });
	return outcome.body;
}

/**
 * Reads a list route (`{ data, nextCursor }`) page by page. Without `limit` it returns every item; filters
 * go along with every page, because the cursor does not keep them.
 */
export async function monolietApiRequestAllItems<T>(
	this: MonolietContext,
	request: Omit<PortalRequest, 'method' | 'body'> & { limit?: number; itemIndex?: number },
): Promise<T[]> {
	const items: T[] = [];
	let cursor: string | null = null;
	do {
		const wanted = request.limit === undefined ? MAX_PAGE_SIZE : request.limit - items.length;
		const qs: IDataObject = { ...request.qs, limit: Math.min(wanted, MAX_PAGE_SIZE) };
		if (cursor) qs.cursor = cursor;
		const page = (await monolietApiRequest.call(this, { ...request, method: 'GET', qs })) as Page<T>;
		items.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor && (request.limit === undefined || items.length < request.limit));
	return request.limit === undefined ? items : items.slice(0, request.limit);
}

/** The portal's own message (from its error envelope) as a NodeApiError. */
export function toNodeApiError(
	context: MonolietContext,
	{ failure, itemIndex }: { failure: PortalFailure; itemIndex?: number },
): NodeApiError {
	if (!failure.reachable) {
		return new NodeApiError(
			context.getNode(),
			{ message: failure.cause, url: failure.url },
			{ message: `Could not reach the Monoliet portal at ${failure.url}`, description: failure.cause, itemIndex },
		);
	}
	const envelope = readEnvelope(failure.body);
	const message = envelope?.error.message ?? `The Monoliet portal answered with status ${failure.status}`;
	return new NodeApiError(context.getNode(), (envelope ?? { body: String(failure.body) }) as JsonObject, {
		message,
		description: envelope ? describeEnvelope(envelope) : undefined,
		httpCode: String(failure.status),
		itemIndex,
	});
}

function readEnvelope(body: unknown): ErrorEnvelope | undefined {
	const error = (body as Partial<ErrorEnvelope> | undefined)?.error;
	if (typeof error !== 'object' || error === null || typeof error.message !== 'string') return undefined;
	return body as ErrorEnvelope;
}

function describeEnvelope({ error }: ErrorEnvelope): string {
	const details = Object.entries(error.details ?? {}).map(
		([field, messages]) => `${field}: ${messages.join(', ')}`,
	);
	const request = error.requestId ? [`Request id: ${error.requestId}`] : [];
	return [`Error code: ${error.code}`, ...details, ...request].join('\n');
}

function describeCause(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as Error & { code?: unknown }).code;
		return typeof code === 'string' && !error.message.includes(code)
			? `${error.message} (${code})`
			: error.message;
	}
	return String(error);
}
