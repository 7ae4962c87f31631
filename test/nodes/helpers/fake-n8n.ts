// A small typed fake of the n8n contexts the nodes run in. n8n's own test harness is not published.
// HTTP goes through real fetch, so msw sees every request exactly as the portal would.
import { mock } from 'jest-mock-extended';
import type {
  IDataObject,
  IExecuteFunctions,
  IGetNodeParameterOptions,
  INodeProperties,
  IHookFunctions,
  IHttpRequestOptions,
  ILoadOptionsFunctions,
  INode,
  INodeExecutionData,
  IWebhookFunctions,
  WorkflowExecuteMode,
} from 'n8n-workflow';
import { MonolietApi } from '../../../credentials/MonolietApi.credentials';
import { Monoliet } from '../../../nodes/Monoliet/Monoliet.node';

export const PORTAL_URL = 'https://portal.monoliet.test';
export const API_TOKEN = 'mlt_live_0123456789abcdef';
export const N8N_BASE_URL = 'https://N8N.agency.test/';

export type Credentials = { url: string; apiToken: string; instance?: string };
export const defaultCredentials: Credentials = { url: `${PORTAL_URL}/`, apiToken: API_TOKEN, instance: '' };

/** A parameter value, or a function of the item index (what an expression would give per item). */
type Parameter = unknown | ((itemIndex: number) => unknown);

/** n8n's `httpRequest` over fetch, for the options the nodes use. Network errors throw, like axios. */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
  const url = new URL(options.url, options.baseURL);
  for (const [key, value] of Object.entries(options.qs ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const hasBody = options.body !== undefined && options.method !== 'GET';
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(options.headers as Record<string, string>),
    },
    body: hasBody ? JSON.stringify(options.body) : undefined,
    signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
  });
  const text = await response.text();
  const body = options.json && text ? parseJsonOrText(text) : text;
  if (!response.ok && !options.ignoreHttpStatusErrors) {
    throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
      response: { status: response.status, data: body },
    });
  }
  if (!options.returnFullResponse) return body;
  return { body, headers: Object.fromEntries(response.headers), statusCode: response.status, statusMessage: response.statusText };
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Applies the credential's generic `authenticate` as n8n does, resolving `{{$credentials.x}}`. */
export function authenticate(options: IHttpRequestOptions, credentials: Credentials): IHttpRequestOptions {
  const { properties } = new MonolietApi().authenticate;
  const headers = Object.fromEntries(
    Object.entries(properties.headers ?? {}).map(([name, template]) => [name, resolveTemplate(String(template), credentials)]),
  );
  return { ...options, headers: { ...options.headers, ...headers } };
}

function resolveTemplate(template: string, credentials: Credentials): string {
  return template.replace(/^=/, '').replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: keyof Credentials) => String(credentials[key]));
}

/** Evaluates one of the credential's `={{ … }}` expressions with `$credentials` in scope. */
export function evaluateCredentialExpression(expression: string, credentials: Credentials): unknown {
  const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
  return new Function('$credentials', `return (${body});`)(credentials);
}

function readParameter(
  parameters: Record<string, Parameter>,
  { name, itemIndex, fallback, options }: { name: string; itemIndex: number; fallback: unknown; options?: IGetNodeParameterOptions },
) {
  let value: unknown = parameters;
  for (const key of name.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  value = resolveExpressions(value, itemIndex);
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
    return fallback;
  }
  return options?.extractValue ? extractResourceLocatorValue({ name, value }) : value;
}

/** Functions stand for expressions, also inside collections: each gives its value for the item. */
function resolveExpressions(value: unknown, itemIndex: number): unknown {
  if (typeof value === 'function') return (value as (i: number) => unknown)(itemIndex);
  if (Array.isArray(value)) return value.map((v) => resolveExpressions(v, itemIndex));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveExpressions(v, itemIndex)]));
  }
  return value;
}

/** A resource locator's value as the node author set it: `{ __rl, mode, value }`. */
export function locator(mode: 'list' | 'url' | 'id', value: string) {
  return { __rl: true, mode, value };
}

const monolietProperties: INodeProperties[] = new Monoliet().description.properties;

/**
 * What n8n's `getNodeParameter(name, i, fallback, { extractValue: true })` gives for a resource locator:
 * the value, or for a mode with `extractValue` the regex's one group (an error when it does not match).
 */
function extractResourceLocatorValue({ name, value }: { name: string; value: unknown }): unknown {
  if (typeof value !== 'object' || value === null || !('mode' in value) || !('value' in value)) return value;
  const property = monolietProperties.find((p) => p.name === name && p.type === 'resourceLocator');
  const mode = property?.modes?.find((m) => m.name === value.mode);
  if (!mode?.extractValue) return value.value;
  const match = new RegExp(mode.extractValue.regex).exec(String(value.value));
  if (!match) throw new Error(`ERROR: ${property!.displayName} parameter's value is invalid. This is likely because the URL entered is incorrect`);
  return match[1];
}

function fakeNode(type: string, name: string): INode {
  return { id: 'node-1', name, type, typeVersion: 1, position: [0, 0], parameters: {} };
}

function requestHelpers(credentials: Credentials) {
  return {
    httpRequest: jest.fn(httpRequest),
    httpRequestWithAuthentication: jest.fn(async (credentialType: string, options: IHttpRequestOptions) => {
      if (credentialType !== 'monolietApi') throw new Error(`unexpected credential type ${credentialType}`);
      return await httpRequest(authenticate(options, credentials));
    }),
  };
}

export type ExecuteOptions = {
  parameters: Record<string, Parameter>;
  items?: INodeExecutionData[];
  credentials?: Credentials;
  workflow?: { id?: string; name?: string };
  executionId?: string;
  mode?: WorkflowExecuteMode;
  /** `establishedAt` of n8n 2.x's execution context; `null` for an n8n without one (1.x) */
  executionStart?: number | null;
  timezone?: string;
  continueOnFail?: boolean;
};

export function fakeExecuteFunctions(options: ExecuteOptions) {
  const items = options.items ?? [{ json: {} }];
  const credentials = options.credentials ?? defaultCredentials;
  const context = mock<IExecuteFunctions>();
  const node = fakeNode('n8n-nodes-monoliet.monoliet', 'Monoliet');
  context.getInputData.mockReturnValue(items);
  context.getNodeParameter.mockImplementation(((name: string, itemIndex: number, fallback?: unknown, parameterOptions?: IGetNodeParameterOptions) =>
    readParameter(options.parameters, { name, itemIndex, fallback, options: parameterOptions })) as never);
  context.getNode.mockReturnValue(node);
  context.getCredentials.mockImplementation((async () => credentials) as never);
  context.getWorkflow.mockReturnValue({ id: 'wf_Orders01', name: 'Orders sync', active: true, ...options.workflow });
  context.getExecutionId.mockReturnValue(options.executionId ?? '1207');
  context.getMode.mockReturnValue(options.mode ?? 'trigger');
  context.getInstanceBaseUrl.mockReturnValue(N8N_BASE_URL);
  context.getTimezone.mockReturnValue(options.timezone ?? 'UTC');
  context.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
  const start = options.executionStart === undefined ? Date.now() - 4000 : options.executionStart;
  (context as { getExecutionContext: unknown }).getExecutionContext =
    start === null ? undefined : () => ({ version: 1, establishedAt: start, source: options.mode ?? 'trigger' });
  const helpers = {
    ...requestHelpers(credentials),
    returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
  };
  context.helpers = helpers as never;
  context.logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() } as never;
  return { context, helpers, node };
}

/** The context of a resource locator's list search. */
export function fakeLoadOptionsFunctions({ credentials = defaultCredentials }: { credentials?: Credentials } = {}) {
  const context = mock<ILoadOptionsFunctions>();
  context.getNode.mockReturnValue(fakeNode('n8n-nodes-monoliet.monoliet', 'Monoliet'));
  context.getCredentials.mockImplementation((async () => credentials) as never);
  context.helpers = requestHelpers(credentials) as never;
  return context;
}

export type HookOptions = {
  parameters: Record<string, Parameter>;
  staticData?: IDataObject;
  webhookUrl?: string;
  credentials?: Credentials;
};

export function fakeHookFunctions(options: HookOptions) {
  const staticData = options.staticData ?? {};
  const context = mock<IHookFunctions>();
  context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) =>
    readParameter(options.parameters, { name, itemIndex: 0, fallback })) as never);
  context.getNode.mockReturnValue(fakeNode('n8n-nodes-monoliet.monolietTrigger', 'Monoliet Trigger'));
  context.getCredentials.mockImplementation((async () => options.credentials ?? defaultCredentials) as never);
  context.getWorkflow.mockReturnValue({ id: 'wf_Notify01', name: 'Overdue invoices to Slack', active: true });
  context.getWorkflowStaticData.mockReturnValue(staticData);
  context.getNodeWebhookUrl.mockReturnValue(options.webhookUrl ?? 'https://n8n.agency.test/webhook/7f1c2f0e-trigger/webhook');
  context.helpers = requestHelpers(options.credentials ?? defaultCredentials) as never;
  return { context, staticData };
}

export type WebhookRequest = { rawBody?: Buffer; headers: Record<string, string>; keepRawBodyUnread?: boolean };

export function fakeWebhookFunctions({ parameters, staticData, request }: { parameters: Record<string, Parameter>; staticData: IDataObject; request: WebhookRequest }) {
  const context = mock<IWebhookFunctions>();
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  // n8n reads the raw body lazily (`readRawBody`) and keeps it as a Buffer on the request
  const fakeRequest: { rawBody?: Buffer; readRawBody: () => Promise<void>; header: (name: string) => string | undefined } = {
    rawBody: request.keepRawBodyUnread ? undefined : request.rawBody,
    readRawBody: async () => {
      fakeRequest.rawBody = request.rawBody;
    },
    header: (name) => headers[name.toLowerCase()],
  };
  const sent: { status?: number; body?: unknown } = {};
  const fakeResponse = {
    status(code: number) {
      sent.status = code;
      return fakeResponse;
    },
    json(body: unknown) {
      sent.body = body;
      return fakeResponse;
    },
  };
  context.getRequestObject.mockReturnValue(fakeRequest as never);
  context.getResponseObject.mockReturnValue(fakeResponse as never);
  context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) =>
    readParameter(parameters, { name, itemIndex: 0, fallback })) as never);
  context.getWorkflowStaticData.mockReturnValue(staticData);
  context.helpers = {
    returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
  } as never;
  return { context, sent };
}
