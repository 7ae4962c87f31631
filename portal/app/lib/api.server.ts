import type { ApiRouteDef, HttpMethod } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import type { z } from 'zod';
import { authenticateApi, unauthorized } from './api-auth.server';
import { mustSetUpTwoFactor } from './auth.server';
import type { Caller } from './caller.server';
import { getConfig } from './config.server';
import { jsonAnswer, toWebResponse, type ApiAnswer, type ApiRequest } from './api-answer.server';
import { ApiError, toErrorAnswer, zodDetails } from './errors.server';
import { logger } from './logger.server';
import { PORTAL_PATHS } from './portal-paths';
import { findUnstorableText } from './storable-text';

// Every /api/v1 resource route is built from its contract route definition: authenticate, check access
// and scope, parse params/query/body with the contract's schemas, call one service, answer JSON.

export const MAX_BODY_BYTES = 1024 * 1024;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerArgs<R extends ApiRouteDef> = {
  caller: R['access'] extends 'public' ? Caller | null : Caller;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  request: ApiRequest;
  ip?: string;
};
/** What the handler of a file route returns; the file name is offered to the browser for saving. */
export type ApiFile = { body: Uint8Array<ArrayBuffer>; filename: string };
type HandlerResult<R extends ApiRouteDef> = R extends { file: object } ? ApiFile : R['response'] extends z.ZodType ? z.input<R['response']> : void;

export type Endpoint = { route: ApiRouteDef; handle: (args: HandlerArgs<ApiRouteDef>) => Promise<unknown> };

export function endpoint<const R extends ApiRouteDef>(route: R, handle: (args: HandlerArgs<R>) => Promise<HandlerResult<R>>): Endpoint {
  return { route, handle: handle as Endpoint['handle'] };
}

type Args = LoaderFunctionArgs | ActionFunctionArgs;
/** A call of an API route from the express layer: the request as ApiRequest, its body already read. */
export type NodeApiCall = { request: ApiRequest; params: Record<string, string | undefined>; ip?: string };

/** The loader and action of a resource route that serves the given methods. */
export function apiResource(endpoints: Partial<Record<HttpMethod, Endpoint>>) {
  const allowed = Object.keys(endpoints).join(', ');
  const dispatchAnswer = async ({ request, params, ip }: NodeApiCall): Promise<ApiAnswer | Response> => {
    const method = request.method.toUpperCase() as HttpMethod;
    const found = endpoints[method === ('HEAD' as HttpMethod) ? 'GET' : method];
    if (!found) {
      return toErrorAnswer(new ApiError('method_not_allowed', `${request.method} is not allowed here; use ${allowed}`, undefined, { Allow: allowed }));
    }
    return answer({ endpoint: found, request, params, ip });
  };
  // Remix calls it with a web Request: the answer becomes a web Response
  const dispatch = async ({ request, params, context }: Args) => {
    const response = toWebResponse(await dispatchAnswer({ request, params, ip: context.ip }));
    if (!(await drainUnreadBody(request))) response.headers.set('Connection', 'close');
    return response;
  };
  // The express layer calls serveNode directly (server/resource-routes.ts). The endpoints ride along so
  // tests can check each file serves the paths it claims.
  const loader = Object.assign(dispatch, { endpoints: Object.values(endpoints) as Endpoint[], serveNode: dispatchAnswer });
  return { loader, action: dispatch };
}

async function answer({
  endpoint: { route, handle },
  request,
  params,
  ip,
}: {
  endpoint: Endpoint;
  request: ApiRequest;
  params: Record<string, string | undefined>;
  ip?: string;
}): Promise<ApiAnswer | Response> {
  try {
    const caller = await authorize({ route, request, ip });
    const result = await handle({
      caller: caller as Caller,
      params: route.params ? parseParams({ route, params }) : undefined,
      query: route.query ? parseWith({ schema: route.query, value: Object.fromEntries(new URL(request.url).searchParams), what: 'query' }) : undefined,
      body: route.body ? await parseBody({ request, schema: route.body }) : undefined,
      request,
      ip,
    });
    return respond({ route, result });
  } catch (error) {
    return toErrorAnswer(error);
  }
}

/**
 * Reads and drops a body that nothing read (a refused call, a route that takes no body): left unread it
 * would break the next request on the same keep-alive connection. Past the size limit the connection is
 * closed instead (false).
 */
async function drainUnreadBody(request: Request): Promise<boolean> {
  if (!request.body || request.bodyUsed) return true;
  if (Number(request.headers.get('Content-Length') ?? '0') > MAX_BODY_BYTES) return false;
  const reader = request.body.getReader();
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return false;
    }
  }
  return true;
}

async function authorize({ route, request, ip }: { route: ApiRouteDef; request: ApiRequest; ip?: string }): Promise<Caller | null> {
  const caller = await authenticateApi(request, ip);
  if (route.access === 'public') return caller;
  if (!caller) throw unauthorized();
  if (!caller.token && mustSetUpTwoFactor(caller.user)) {
    throw new ApiError('forbidden', `Two-factor authentication is required for staff accounts. Set it up at ${PORTAL_PATHS.staffTwoFactorSetup()}, then try again.`);
  }
  if (route.access === 'staff' && caller.role !== 'staff') throw new ApiError('forbidden', 'Only agency staff can do this');
  if (route.scope && !caller.scopes.has(route.scope)) throw new ApiError('forbidden', `This token does not have the "${route.scope}" scope`);
  return caller;
}

function parseParams({ route, params }: { route: ApiRouteDef; params: Record<string, string | undefined> }) {
  const result = route.params!.safeParse(params);
  // a malformed id cannot name a record: the same answer as an unknown one
  if (!result.success) throw new ApiError('not_found', `No ${route.resource ?? 'record'} with this id`);
  return result.data;
}

function parseWith<S extends z.ZodType>({ schema, value, what }: { schema: S; value: unknown; what: string }): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError('invalid_input', `Invalid ${what}`, zodDetails(result.error));
  return result.data;
}

async function parseBody({ request, schema }: { request: ApiRequest; schema: z.ZodType }) {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  if (text.trim() === '') return parseWith({ schema, value: {}, what: 'request body' });
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) throw new ApiError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json)');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', 'The request body is not valid JSON');
  }
  // NUL and a lone surrogate can only come from a \u escape (JSON has no raw control characters in
  // strings, and decoded UTF-8 has no lone surrogates): a body without one skips the walk
  const badText = text.includes('\\u') ? findUnstorableText(value) : null;
  if (badText) throw new ApiError('invalid_input', 'The request body contains text that cannot be stored', { [badText]: ['must not contain NUL characters or unpaired UTF-16 surrogates'] });
  return parseWith({ schema, value, what: 'request body' });
}

function tooLarge() {
  // the unread rest of the body makes this connection unusable, so tell the client not to reuse it
  return new ApiError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`, undefined, { Connection: 'close' });
}

function respond({ route, result }: { route: ApiRouteDef; result: unknown }): ApiAnswer {
  if (route.file) return fileAnswer({ file: result as ApiFile, contentType: route.file.contentType });
  if (!route.response) return { status: route.status, headers: {}, body: null };
  // outside production every answer is checked against the contract, so drift fails the tests
  if (!getConfig().isProduction) {
    const check = route.response.safeParse(result);
    if (!check.success) {
      logger.error({ route: route.id, issues: zodDetails(check.error) }, 'response does not match the contract');
      throw new Error(`Response of ${route.id} does not match the contract`);
    }
  }
  return jsonAnswer({ status: route.status, value: result });
}

/** A file download: its media type, a safe file name, and never kept in a shared cache. */
export function fileResponse({ file, contentType }: { file: ApiFile; contentType: string }): Response {
  return toWebResponse(fileAnswer({ file, contentType }));
}

function fileAnswer({ file, contentType }: { file: ApiFile; contentType: string }): ApiAnswer {
  return {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(file.body.byteLength),
      'Content-Disposition': attachmentDisposition(file.filename),
      'Cache-Control': 'private, no-store',
    },
    body: file.body,
  };
}

// RFC 6266: an ASCII fallback for old clients, the exact name (UTF-8) for the rest
function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
