// The portal's /api/v1 routes the nodes call, as msw handlers that validate with the contract's own
// schemas and answer with its shapes (including the error envelope), so a body the real portal would
// refuse is refused here too.
import {
  type ApiRouteDef,
  authRoutes,
  ERROR_STATUS,
  executionRoutes,
  webhookRoutes,
  type ErrorCode,
  type ErrorEnvelope,
  type ExecutionBatch,
  type IngestResult,
  type Me,
  type WebhookSubscriptionCreated,
} from '@monoliet/contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contractRoute, type Answer } from './contract-route';
import { API_TOKEN, PORTAL_URL } from './fake-n8n';

export type RecordedRequest = { method: string; path: string; query: Record<string, string>; authorization: string | null; body: unknown };

export function errorEnvelope(code: ErrorCode, message: string, details?: Record<string, string[]>) {
  const envelope: ErrorEnvelope = { error: { code, message, ...(details ? { details } : {}), requestId: 'req_test_1' } };
  return HttpResponse.json(envelope, { status: ERROR_STATUS[code] });
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

  // the routes every node test may call, served from the route table like the ones a test adds with `serve`
  const handlers = [
    contractRoute({
      requests,
      route: authRoutes.me,
      answer: (): Me => ({
        user: { id: randomUUID(), email: 'builder@agency.test', name: 'Builder', role: 'staff' },
        client: null,
        token: { id: randomUUID(), name: 'n8n production', scopes: ['ingest', 'read', 'write'] },
      }),
    }),
    contractRoute({
      requests,
      route: executionRoutes.ingest,
      answer: ({ body }): IngestResult => {
        const batch: ExecutionBatch = 'runs' in body ? body : { instance: body.instance, runs: [body] };
        ingested.push(batch);
        return { accepted: batch.runs.length, created: batch.runs.length, updated: 0, unchanged: 0 };
      },
    }),
    contractRoute({
      requests,
      route: webhookRoutes.create,
      answer: ({ body }) => {
        const created: WebhookSubscriptionCreated = {
          id: randomUUID(),
          targetUrl: body.targetUrl,
          events: body.events,
          description: body.description ?? '',
          isActive: true,
          clientId: null,
          createdAt: new Date().toISOString(),
          secret: `whsec_${randomBytes(24).toString('hex')}`,
        };
        subscriptions.set(created.id, created);
        return created;
      },
    }),
    contractRoute({
      requests,
      route: webhookRoutes.get,
      answer: ({ params }) => {
        const found = subscriptions.get(params.id);
        if (!found) return errorEnvelope('not_found', 'Webhook subscription not found');
        const { secret: _secret, ...subscription } = found;
        return subscription;
      },
    }),
    contractRoute({
      requests,
      route: webhookRoutes.delete,
      answer: ({ params }) => (subscriptions.delete(params.id) ? null : errorEnvelope('not_found', 'Webhook subscription not found')),
    }),
  ];

  const server = setupServer(...handlers);
  /** Serves one route of the contract's route table for the current test (see contract-route.ts). */
  const serve = <R extends ApiRouteDef>(apiRoute: R, answer: Answer<R>) => server.use(contractRoute({ requests, route: apiRoute, answer }));
  return { server, requests, subscriptions, ingested, route, serve };
}

/** A fake portal listening for the whole test file, its handlers and recorded requests reset after each test. */
export function useFakePortal() {
  const portal = startFakePortal();
  beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    portal.server.resetHandlers();
    portal.requests.length = 0;
  });
  afterAll(() => portal.server.close());
  return portal;
}
