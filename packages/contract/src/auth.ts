import { z } from 'zod';
import { defineRoute, isoDateTime } from './api';

export const LoginSchema = z.object({
  email: z.email('Enter a valid email address').max(320),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type Login = z.infer<typeof LoginSchema>;

/** POST /auth/token: a user with two-factor sign-in also sends the current TOTP code (or a recovery code). */
export const TokenSignInSchema = LoginSchema.extend({ code: z.string().trim().min(1).max(40).optional() });
export type TokenSignIn = z.infer<typeof TokenSignInSchema>;

export const TOKEN_SCOPES = ['ingest', 'read', 'write'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** GET /api/v1/auth/me: the caller, its client (null for staff) and, for token calls, the token's scopes. */
export const MeSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['staff', 'client']),
  }),
  client: z.object({ id: z.uuid(), slug: z.string(), companyName: z.string() }).nullable(),
  token: z.object({ id: z.uuid(), name: z.string(), scopes: z.array(TokenScopeSchema) }).nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const API_TOKEN_PREFIX = 'mlt_';

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** the first characters of the token, to recognise it; the secret itself is never shown again */
  prefix: z.string(),
  scopes: z.array(TokenScopeSchema),
  userId: z.uuid(),
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;

/** A new token: `token` is the secret, returned this once. */
export const ApiTokenCreatedSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;

export const ApiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(TokenScopeSchema).min(1).max(3),
  expiresAt: isoDateTime.nullable().optional(),
  /** staff only: create the token for another user (e.g. a client's own automation) */
  userId: z.uuid().optional(),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreateSchema>;

export const SignInResponseSchema = ApiTokenCreatedSchema.extend({ user: MeSchema.shape.user });

export const authRoutes = {
  token: defineRoute({ id: 'createSessionToken', method: 'POST', path: '/auth/token', summary: 'Exchange email and password for an API token', tag: 'Auth', access: 'public', scope: null, body: TokenSignInSchema, response: SignInResponseSchema, status: 201, errors: ['unauthorized', 'forbidden', 'rate_limited'], example: { email: 'ops@agency.example', password: 'your password' }, description: 'Returns a token with every scope the user\'s role allows, valid for 30 days. A user with two-factor sign-in must also send `code` (the current 6-digit TOTP code or a recovery code); without it, or with a wrong one, the answer is 401. When the portal requires two-factor for staff (`REQUIRE_STAFF_2FA`), a staff user who has not set it up gets no token (403) until they set it up in the portal. Failed sign-ins are limited: after 10 failures in a row an account is locked for 15 minutes (even the right password is refused), and an address with 50 failures in 15 minutes is blocked for 15 minutes; both answer 429 with `Retry-After`.' }),
  logout: defineRoute({ id: 'logout', method: 'POST', path: '/auth/logout', summary: 'Revoke the token this request is authenticated with', tag: 'Auth', access: 'user', scope: null, response: null, status: 204 }),
  me: defineRoute({ id: 'getMe', method: 'GET', path: '/auth/me', summary: 'The caller, its client and its token', tag: 'Auth', access: 'user', scope: null, response: MeSchema, status: 200 }),
};
