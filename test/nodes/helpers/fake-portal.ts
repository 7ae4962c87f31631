// The portal's /api/v1 routes the nodes call, as msw handlers that validate with the contract's own
// schemas and answer with its shapes (including the error envelope), so a body the real portal would
// refuse is refused here too.
import {
  ERROR_STATUS,
  ExecutionBatchSchema,
  WebhookSubscriptionCreateSchema,
  type ErrorCode,
  type ErrorEnvelope,
  type ExecutionBatch,
  type IngestResult,
  type Me,
  type WebhookSubscriptionCreated,
} from '@monoliet/contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type { z } from 'zod';
import { API_TOKEN, PORTAL_URL } from './fake-n8n';

export type RecordedRequest = { method: string; path: string; query: Record<string, string>; authorization: string | null; body: unknown };

export function errorEnvelope(code: ErrorCode, message: string, details?: Record<string, string[]>) {
  const envelope: ErrorEnvelope = { error: { code, message, ...(details ? { details } : {}), requestId: 'req_test_1' } };
  return HttpResponse.json(envelope, { status: ERROR_STATUS[code] });
}

function parse<T extends z.ZodType>(schema: T, body: unknown): { data: z.infer<T> } | { response: Response } {
  const result = schema.safeParse(body);
  if (result.success) return { data: result.data };
  const details: Record<string, string[]> = {};
  for (const issue of result.error.issues) (details[issue.path.join('.')] ??= []).push(issue.message);
  return { response: errorEnvelope('invalid_input', 'Invalid request body', details) };
}

export function startFakePortal() {
  const requests: RecordedRequest[] = [];
  const subscriptions = new Map<string, WebhookSubscriptionCreated>();
  const ingested: ExecutionBatch[] = [];

  const route = (
    method: 'get' | 'post' | 'delete',
    path: string,
    answer: (input: { body: unknown; params: Record<string, string>; url: URL }) => Response | Promise<Response>,
  ) =>
    http[method](`${PORTAL_URL}${path}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const text = await request.text();
      const body = text ? JSON.parse(text) : undefined;
      requests.push({
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: request.headers.get('authorization'),
        body,
      });
      if (request.headers.get('authorization') !== `Bearer ${API_TOKEN}`) {
        return errorEnvelope('unauthorized', 'Invalid or revoked API token');
      }
      return answer({ body, params: params as Record<string, string>, url });
    });

  const handlers = [
    route('get', '/api/v1/auth/me', () => {
      const me: Me = {
        user: { id: randomUUID(), email: 'builder@agency.test', name: 'Builder', role: 'staff' },
        client: null,
        token: { id: randomUUID(), name: 'n8n production', scopes: ['ingest', 'read', 'write'] },
      };
      return HttpResponse.json(me);
    }),
    route('post', '/api/v1/executions', ({ body }) => {
      const parsed = parse(ExecutionBatchSchema, body);
      if ('response' in parsed) return parsed.response;
      ingested.push(parsed.data);
      const result: IngestResult = { accepted: parsed.data.runs.length, created: parsed.data.runs.length, updated: 0, unchanged: 0 };
      return HttpResponse.json(result, { status: 201 });
    }),
    route('post', '/api/v1/webhooks', ({ body }) => {
      const parsed = parse(WebhookSubscriptionCreateSchema, body);
      if ('response' in parsed) return parsed.response;
      const created: WebhookSubscriptionCreated = {
        id: randomUUID(),
        targetUrl: parsed.data.targetUrl,
        events: parsed.data.events,
        description: parsed.data.description ?? '',
        isActive: true,
        clientId: null,
        createdAt: new Date().toISOString(),
        secret: `whsec_${randomBytes(24).toString('hex')}`,
      };
      subscriptions.set(created.id, created);
      return HttpResponse.json(created, { status: 201 });
    }),
    route('get', '/api/v1/webhooks/:id', ({ params }) => {
      const found = subscriptions.get(params.id);
      if (!found) return errorEnvelope('not_found', 'Webhook subscription not found');
      const { secret: _secret, ...subscription } = found;
      return HttpResponse.json(subscription as JsonBodyType);
    }),
    route('delete', '/api/v1/webhooks/:id', ({ params }) => {
      if (!subscriptions.delete(params.id)) return errorEnvelope('not_found', 'Webhook subscription not found');
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  const server = setupServer(...handlers);
  return { server, requests, subscriptions, ingested, route };
}
