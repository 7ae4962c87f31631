import { z } from 'zod';
import { defineRoute, IdParamsSchema } from './api';
import { ApiTokenCreatedSchema, ApiTokenCreateSchema, ApiTokenSchema } from './auth';
import { pageOf, PageQuerySchema } from './pagination';

export const TokenListQuerySchema = PageQuerySchema.extend({
  /** staff only: another user's tokens; without it, the caller's own */
  user: z.uuid().optional(),
  includeRevoked: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type TokenListQuery = z.infer<typeof TokenListQuerySchema>;

export const tokenRoutes = {
  list: defineRoute({ id: 'listTokens', method: 'GET', path: '/tokens', summary: "List API tokens (the caller's own; staff may ask for a user's)", tag: 'Tokens', access: 'user', scope: 'read', query: TokenListQuerySchema, response: pageOf(ApiTokenSchema), status: 200 }),
  create: defineRoute({ id: 'createToken', method: 'POST', path: '/tokens', summary: 'Create a named API token; the secret is returned once', tag: 'Tokens', access: 'user', scope: 'write', body: ApiTokenCreateSchema, response: ApiTokenCreatedSchema, status: 201 }),
  revoke: defineRoute({ id: 'revokeToken', method: 'DELETE', path: '/tokens/{id}', summary: 'Revoke an API token', tag: 'Tokens', access: 'user', scope: 'write', params: IdParamsSchema, response: null, status: 204, resource: 'token' }),
};
