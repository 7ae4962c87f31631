import { z } from 'zod';
import { defineRoute, IdParamsSchema, isoDateTime, queryBoolean } from './api';
import { pageOf, PageQuerySchema } from './pagination';

/**
 * The canonical form of an n8n base URL: lowercase scheme and host, no default port, no query, no
 * trailing slash and no trailing `/api/v1` (the API client adds that). It is also the default identity,
 * which the Monoliet node sends with each run, so both sides must normalise the same way.
 */
export function normalizeInstanceUrl(input: string): string {
  const url = new URL(input.trim());
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/i, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

const baseUrl = z
  .url({ protocol: /^https?$/, message: 'use the http(s) address of the n8n instance, e.g. "https://n8n.example.com"' })
  .max(500)
  .transform(normalizeInstanceUrl);

export const N8nInstanceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  baseUrl: z.string(),
  /** what the Monoliet node sends to say which n8n a run came from */
  identity: z.string(),
  /** the API key is stored encrypted and never returned; hasApiKey and apiKeyHint say which one is set */
  hasApiKey: z.boolean(),
  apiKeyHint: z.string().nullable(),
  /** which activation API the instance speaks: n8n 2.x `publish`, 1.x `activate`; null until known */
  apiFlavor: z.enum(['publish', 'activate']).nullable(),
  isActive: z.boolean(),
  workflowCount: z.int(),
  lastSyncAt: isoDateTime.nullable(),
  lastSyncStatus: z.enum(['running', 'ok', 'error']).nullable(),
  lastSyncError: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type N8nInstanceDto = z.infer<typeof N8nInstanceSchema>;

const apiKey = z.string().trim().min(1).max(2000);

export const N8nInstanceCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  baseUrl,
  /** an n8n public API key (Settings > n8n API); without one the instance is push-only */
  apiKey: apiKey.nullable().optional(),
  /** default: the normalised base URL */
  identity: z.string().trim().min(1).max(500).optional(),
  isActive: z.boolean().optional(),
});
export type N8nInstanceCreate = z.infer<typeof N8nInstanceCreateSchema>;

export const N8nInstanceUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    baseUrl,
    /** a new key replaces the stored one; null removes it */
    apiKey: apiKey.nullable(),
    identity: z.string().trim().min(1).max(500),
    isActive: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type N8nInstanceUpdate = z.infer<typeof N8nInstanceUpdateSchema>;

export const N8nInstanceListQuerySchema = PageQuerySchema.extend({
  active: queryBoolean.optional(),
  order: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});
export type N8nInstanceListQuery = z.infer<typeof N8nInstanceListQuerySchema>;

/** The answer of a connection test: whether the API key can read workflows and executions. */
export const N8nConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** on failure: unauthorized, forbidden, network, timeout, invalid_response, ... */
  errorKind: z.string().nullable(),
  message: z.string(),
  testedAt: isoDateTime,
});
export type N8nConnectionTest = z.infer<typeof N8nConnectionTestSchema>;

export const n8nInstanceRoutes = {
  list: defineRoute({ id: 'listN8nInstances', method: 'GET', path: '/n8n-instances', summary: 'List n8n instances', tag: 'n8n instances', access: 'staff', scope: 'read', query: N8nInstanceListQuerySchema, response: pageOf(N8nInstanceSchema), status: 200 }),
  create: defineRoute({ id: 'createN8nInstance', method: 'POST', path: '/n8n-instances', summary: 'Add an n8n instance (its API key is stored encrypted)', tag: 'n8n instances', access: 'staff', scope: 'write', body: N8nInstanceCreateSchema, response: N8nInstanceSchema, status: 201, errors: ['conflict'], example: { name: 'Production', baseUrl: 'https://n8n.example.com', apiKey: 'n8n_api_…' }, description: 'The API key is stored encrypted and never returned; answers carry `hasApiKey` and `apiKeyHint`. `identity` (what the Monoliet node sends with each run) defaults to the normalised base URL. Names and identities are unique (409).' }),
  get: defineRoute({ id: 'getN8nInstance', method: 'GET', path: '/n8n-instances/{id}', summary: 'Get an n8n instance', tag: 'n8n instances', access: 'staff', scope: 'read', params: IdParamsSchema, response: N8nInstanceSchema, status: 200, resource: 'n8nInstance' }),
  update: defineRoute({ id: 'updateN8nInstance', method: 'PATCH', path: '/n8n-instances/{id}', summary: 'Update an n8n instance', tag: 'n8n instances', access: 'staff', scope: 'write', params: IdParamsSchema, body: N8nInstanceUpdateSchema, response: N8nInstanceSchema, status: 200, resource: 'n8nInstance', errors: ['conflict'], example: { apiKey: 'n8n_api_…' }, description: '`apiKey: null` removes the key (push-only instance). Moving `baseUrl` keeps `identity`, so runs pushed by nodes still match.' }),
  delete: defineRoute({ id: 'deleteN8nInstance', method: 'DELETE', path: '/n8n-instances/{id}', summary: 'Delete an n8n instance that no workflow references (409 otherwise)', tag: 'n8n instances', access: 'staff', scope: 'write', params: IdParamsSchema, response: null, status: 204, resource: 'n8nInstance', errors: ['conflict'] }),
  test: defineRoute({ id: 'testN8nInstance', method: 'POST', path: '/n8n-instances/{id}/test', summary: 'Check that the instance answers and its API key can read workflows and executions', tag: 'n8n instances', access: 'staff', scope: 'write', params: IdParamsSchema, response: N8nConnectionTestSchema, status: 200, resource: 'n8nInstance', description: 'Calls the instance\'s public API (`GET /workflows` and `GET /executions`, one item each, no retries). A failed check is still a 200: `ok: false` with `errorKind` (`no_api_key`, `unauthorized`, `forbidden`, `network`, `timeout`, `invalid_response`, ...) and a message to show.' }),
};
