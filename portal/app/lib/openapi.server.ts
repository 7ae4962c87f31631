import { API_ROUTES, ERROR_STATUS, ErrorEnvelopeSchema, type ApiRouteDef } from '@monoliet/contract';
import { z } from 'zod';
import { getConfig } from './config.server';

// The OpenAPI 3.1 document of /api/v1, generated from the contract's route table and zod schemas.

const API_DESCRIPTION = [
  'The API of the Monoliet portal, used by the Monoliet n8n nodes, the portal itself and scripts.',
  '',
  '**Authentication.** Send `Authorization: Bearer <token>`. Get a token with `POST /auth/token` (email and password, valid 30 days) or create a named one with `POST /tokens`. A signed-in browser session works too. With `REQUIRE_STAFF_2FA`, a staff user without two-factor sign-in gets no token from `POST /auth/token` and no API with their session (403) until they set it up.',
  '',
  '**Scopes.** `read` for every GET, `write` for changes, `ingest` for reporting runs (staff tokens only). Staff see every client; a client user or its token sees only its own client, and another client\'s record is a 404.',
  '',
  '**Lists** answer `{ data, nextCursor }`. Ask for up to `limit` items (default 50, at most 250) and pass `nextCursor` back as `cursor`, with the same filters, for the next page; it is null on the last page.',
  '',
  '**Errors** always have the shape `{ "error": { "code", "message", "details"? } }`; `details` maps a field path to its messages. Codes: `invalid_input` 400, `unauthorized` 401, `forbidden` 403, `not_found` 404, `method_not_allowed` 405, `conflict` 409, `payload_too_large` 413 (bodies over 1 MB), `unsupported_media_type` 415, `unprocessable` 422, `rate_limited` 429 (with `Retry-After`), `internal` 500 (with a `requestId`), `bad_gateway` 502 (n8n failed), `unavailable` 503.',
].join('\n');

const TAG_DESCRIPTIONS: Record<string, string> = {
  Auth: 'Sign in for a token, sign out, who am I',
  Tokens: 'Named API tokens; the secret is shown once',
  Clients: "The agency's clients",
  Users: 'Portal accounts and their client membership (staff only)',
  'n8n instances': 'The n8n instances runs come from (staff only)',
  Settings: 'Branding, billing defaults, alerting, schedules (staff only)',
  'Audit log': 'Who changed what (staff only, read only)',
  Webhooks: 'Subscriptions to portal events, signed with HMAC-SHA256 (the Monoliet Trigger node uses these)',
};

/** Every tag of the route table, in its order, with a description where one is written. */
function tagsOf(routes: readonly ApiRouteDef[]) {
  return [...new Set(routes.map((route) => route.tag))].map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) }));
}

const ERROR_EXAMPLE = { error: { code: 'invalid_input', message: 'Invalid request body', details: { email: ['Invalid email address'] } } };

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return json;
}

function parametersOf(route: ApiRouteDef) {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({ name, in: location, required: location === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return parameters;
}

function errorResponsesOf(route: ApiRouteDef) {
  const codes: (keyof typeof ERROR_STATUS)[] = ['internal'];
  if (route.access !== 'public') codes.push('unauthorized', 'forbidden');
  if (route.params) codes.push('not_found');
  if (route.body || route.query) codes.push('invalid_input');
  if (route.body) codes.push('payload_too_large', 'unsupported_media_type');
  codes.push(...(route.errors ?? []));
  const ref = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } };
  return Object.fromEntries(
    codes.map((code) => [
      String(ERROR_STATUS[code]),
      { description: code, ...ref, ...(code === 'rate_limited' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}) },
    ]),
  );
}

function operationOf(route: ApiRouteDef) {
  const success = route.file
    ? { description: 'The file', content: { [route.file.contentType]: { schema: { type: 'string', contentMediaType: route.file.contentType } } } }
    : route.response
      ? { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } }
      : { description: 'No content' };
  return {
    operationId: route.id,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    'x-access': route.access,
    ...(route.scope ? { 'x-required-scope': route.scope } : {}),
    parameters: parametersOf(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input'), ...(route.example === undefined ? {} : { example: route.example }) } } } } : {}),
    responses: { [String(route.status)]: success, ...errorResponsesOf(route) },
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: { title: 'Monoliet API', version: '1', description: API_DESCRIPTION },
    tags: tagsOf(API_ROUTES),
    servers: [{ url: `${getConfig().publicUrl}/api/v1` }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (`mlt_…`), from POST /auth/token or the portal' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'monoliet_session' },
      },
      schemas: { ErrorEnvelope: { ...schemaOf(ErrorEnvelopeSchema, 'output'), examples: [ERROR_EXAMPLE] } },
      headers: { RetryAfter: { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } },
    },
  };
}
