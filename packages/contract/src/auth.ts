import { z } from 'zod';

export const LoginSchema = z.object({
  email: z.email('Enter a valid email address').max(320),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type Login = z.infer<typeof LoginSchema>;

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
