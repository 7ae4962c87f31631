import { API_ROUTES, ERROR_STATUS, ErrorEnvelopeSchema, type ApiRouteDef } from '@monoliet/contract';
import { z } from 'zod';
import { getConfig } from './config.server';

// The OpenAPI 3.1 document of /api/v1, generated from the contract's route table and zod schemas.

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
  const ref = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } };
  return Object.fromEntries(codes.map((code) => [String(ERROR_STATUS[code]), { description: code, ...ref }]));
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
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    'x-access': route.access,
    ...(route.scope ? { 'x-required-scope': route.scope } : {}),
    parameters: parametersOf(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses: { [String(route.status)]: success, ...errorResponsesOf(route) },
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Monoliet API',
      version: '1',
      description: 'The API of the Monoliet portal. Authenticate with `Authorization: Bearer <token>`; token scopes: ingest, read, write.',
    },
    servers: [{ url: `${getConfig().publicUrl}/api/v1` }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (`mlt_…`), from POST /auth/token or the portal' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'monoliet_session' },
      },
      schemas: { ErrorEnvelope: schemaOf(ErrorEnvelopeSchema, 'output') },
    },
  };
}
