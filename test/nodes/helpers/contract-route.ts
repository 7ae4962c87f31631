// msw handlers built from the contract's route table: each checks the request exactly as the portal
// would (method, path, Bearer token, params, query and body parsed with the route's own zod schemas) and
// checks its own answer against the route's response schema, so a fake answer cannot drift from the API.
import type { ApiRouteDef, Page } from '@monoliet/contract';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { z } from 'zod';
import { API_TOKEN, PORTAL_URL } from './fake-n8n';
import { errorEnvelope, type RecordedRequest } from './fake-portal';

type Parsed<R extends ApiRouteDef> = {
  params: R['params'] extends z.ZodType ? z.infer<R['params']> : Record<string, never>;
  query: R['query'] extends z.ZodType ? z.infer<R['query']> : Record<string, never>;
  body: R['body'] extends z.ZodType ? z.infer<R['body']> : undefined;
};

export type Answer<R extends ApiRouteDef> = (input: Parsed<R>) => unknown;

function issuesToDetails(error: z.ZodError, prefix = ''): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) (details[prefix + issue.path.join('.')] ??= []).push(issue.message);
  return details;
}

/**
 * Keys the route does not know. The portal ignores them, so a misspelt filter would silently match
 * everything; the fake refuses them so that a test notices.
 */
function unknownKeys(schema: z.ZodType | undefined, value: unknown): string[] {
  if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null) return [];
  return Object.keys(value).filter((key) => !(key in schema.shape));
}

export function contractRoute<R extends ApiRouteDef>({ requests, route, answer }: { requests: RecordedRequest[]; route: R; answer: Answer<R> }) {
  const path = `${PORTAL_URL}/api/v1${route.path.replace(/\{(\w+)\}/g, ':$1')}`;
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
  return http[method](path, async ({ request, params }) => {
    const url = new URL(request.url);
    const text = await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: request.method, path: url.pathname, query, authorization: request.headers.get('authorization'), body });
    if (request.headers.get('authorization') !== `Bearer ${API_TOKEN}`) return errorEnvelope('unauthorized', 'Invalid or revoked API token');

    // the portal's own answers: a malformed id names no record; bad query or body is a 400 with details
    const parsed: Record<string, unknown> = { params: {}, query: {}, body: undefined };
    if (route.params) {
      const result = route.params.safeParse(params);
      if (!result.success) return errorEnvelope('not_found', `No ${route.resource ?? 'record'} with this id`);
      parsed.params = result.data;
    }
    for (const [what, schema, value, message] of [
      ['query', route.query, query, 'Invalid query'],
      ['body', route.body, body, 'Invalid request body'],
    ] as const) {
      if (!schema) {
        if (what === 'body' && body !== undefined) return errorEnvelope('invalid_input', 'This route takes no request body');
        if (what === 'query' && Object.keys(query).length > 0) return errorEnvelope('invalid_input', `Unknown query parameters: ${Object.keys(query).join(', ')}`);
        continue;
      }
      const unknown = unknownKeys(schema, value);
      if (unknown.length > 0) return errorEnvelope('invalid_input', `Unknown ${what} fields: ${unknown.join(', ')}`);
      const result = schema.safeParse(value ?? {});
      if (!result.success) return errorEnvelope('invalid_input', message, issuesToDetails(result.error));
      parsed[what] = result.data;
    }

    const answered = await answer(parsed as Parsed<R>);
    if (answered instanceof Response) return answered;
    if (route.response) {
      const check = route.response.safeParse(answered);
      if (!check.success) throw new Error(`fake answer of ${route.id} does not match the contract: ${JSON.stringify(issuesToDetails(check.error))}`);
    }
    return route.status === 204 ? new HttpResponse(null, { status: 204 }) : HttpResponse.json(answered as JsonBodyType, { status: route.status });
  });
}

/** One page of `records` as the portal pages a list: `limit` from the query, an opaque cursor, null at the end. */
export function pageOf<T>(records: T[], { limit, cursor }: { limit: number; cursor?: string }): Page<T> {
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  const end = start + limit;
  return { data: records.slice(start, end), nextCursor: end < records.length ? Buffer.from(String(end)).toString('base64url') : null };
}
