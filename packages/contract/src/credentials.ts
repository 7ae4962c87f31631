import { z } from 'zod';
import { defineRoute, hasNoNul, IdParamsSchema, isoDateTime, NO_NUL_MESSAGE } from './api';
import { pageOf, PageQuerySchema } from './pagination';

export const CREDENTIAL_TYPES = ['api_key', 'oauth2', 'basic_auth', 'bearer_token', 'other'] as const;
export const CredentialTypeSchema = z.enum(CREDENTIAL_TYPES);
export type CredentialType = z.infer<typeof CredentialTypeSchema>;

export const CREDENTIAL_STATUSES = ['pending', 'active', 'invalid', 'revoked'] as const;
export const CredentialStatusSchema = z.enum(CREDENTIAL_STATUSES);
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>;

export const MAX_CREDENTIAL_FIELDS = 20;
export const MAX_CREDENTIAL_FIELD_NAME = 100;
export const MAX_CREDENTIAL_VALUE = 10_000;
export const MAX_CREDENTIAL_NOTES = 2_000;

/**
 * What a credential looks like to everyone, staff included: never its values, only a hint of them
 * (the last 4 characters of the longest one). Values come back only from the audited reveal.
 */
export const CredentialSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  serviceName: z.string(),
  credentialType: CredentialTypeSchema,
  status: CredentialStatusSchema,
  hint: z.string(),
  notes: z.string(),
  submittedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** when staff last confirmed the credential works (set when it is marked active) */
  lastVerified: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CredentialDto = z.infer<typeof CredentialSchema>;

// values are stored exactly as given (a password may contain spaces), but never blank
const fieldValue = z
  .string()
  .max(MAX_CREDENTIAL_VALUE, `Use at most ${MAX_CREDENTIAL_VALUE} characters for a value`)
  .refine((v) => v.trim().length > 0, 'Enter a value');

/** The secret values by field name, e.g. `{ "apiKey": "sk_live_…" }` or `{ "username": …, "password": … }`. */
export const CredentialFieldsSchema = z
  .record(z.string(), fieldValue)
  .superRefine((fields, ctx) => {
    const names = Object.keys(fields).map((name) => name.trim());
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (names.length === 0) problem('Add at least one field');
    if (names.length > MAX_CREDENTIAL_FIELDS) problem(`Use at most ${MAX_CREDENTIAL_FIELDS} fields`);
    if (names.some((name) => name.length === 0)) problem('Give every field a name');
    if (names.some((name) => name.length > MAX_CREDENTIAL_FIELD_NAME)) problem(`Use at most ${MAX_CREDENTIAL_FIELD_NAME} characters for a field name`);
    if (new Set(names).size !== names.length) problem('Give each field a different name');
    if (!names.every(hasNoNul)) problem(`Field names ${NO_NUL_MESSAGE}`);
  })
  .transform((fields) => Object.fromEntries(Object.entries(fields).map(([name, value]) => [name.trim(), value])));
export type CredentialFields = z.infer<typeof CredentialFieldsSchema>;

export const CredentialCreateSchema = z.object({
  serviceName: z.string().trim().min(1, 'Enter the name of the service').max(200, 'Use at most 200 characters').refine(hasNoNul, NO_NUL_MESSAGE),
  credentialType: CredentialTypeSchema,
  fields: CredentialFieldsSchema,
  notes: z.string().trim().max(MAX_CREDENTIAL_NOTES, `Use at most ${MAX_CREDENTIAL_NOTES} characters`).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  /** staff only: the client the credential belongs to (a client caller always submits for its own client) */
  clientId: z.uuid().optional(),
});
export type CredentialCreate = z.infer<typeof CredentialCreateSchema>;

export const CredentialUpdateSchema = z
  .object({
    /** `revoked` wipes the stored values, like DELETE */
    status: CredentialStatusSchema.optional(),
    notes: z.string().trim().max(MAX_CREDENTIAL_NOTES).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  })
  .refine((v) => v.status !== undefined || v.notes !== undefined, 'send status or notes');
export type CredentialUpdate = z.infer<typeof CredentialUpdateSchema>;

/** A current code of an authenticator app: 6 digits, also as the apps show it ("123 456"). */
const TOTP_CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;
export function isTotpCode(value: string): boolean {
  return TOTP_CODE_PATTERN.test(value);
}

/**
 * The staff user proves again who they are before values are shown: their own current password, or (with
 * two-factor set up) a current code of their authenticator app. Exactly one of the two.
 */
export const CredentialRevealSchema = z
  .object({
    password: z.string().min(1, 'Enter your password').max(200).optional(),
    code: z.string().regex(TOTP_CODE_PATTERN, 'Enter the 6-digit code from your authenticator app').optional(),
  })
  .superRefine((proof, ctx) => {
    if (proof.password === undefined && proof.code === undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Enter your password or a code from your authenticator app' });
    } else if (proof.password !== undefined && proof.code !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'Send your password or a code, not both' });
    }
  });
export type CredentialReveal = z.infer<typeof CredentialRevealSchema>;

export const RevealedCredentialSchema = z.object({
  id: z.uuid(),
  serviceName: z.string(),
  credentialType: CredentialTypeSchema,
  fields: z.record(z.string(), z.string()),
});
export type RevealedCredential = z.infer<typeof RevealedCredentialSchema>;

export const CredentialListQuerySchema = PageQuerySchema.extend({
  status: CredentialStatusSchema.optional(),
  type: CredentialTypeSchema.optional(),
  /** staff: one client's credentials (a client caller always sees only its own) */
  client: z.uuid().optional(),
  search: z.string().trim().max(100).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  order: z.enum(['createdAt', '-createdAt', 'serviceName', '-serviceName']).default('-createdAt'),
});
export type CredentialListQuery = z.infer<typeof CredentialListQuerySchema>;

export const credentialRoutes = {
  list: defineRoute({ id: 'listCredentials', method: 'GET', path: '/credentials', summary: 'List credentials without their values (a client sees only its own)', tag: 'Credentials', access: 'user', scope: 'read', query: CredentialListQuerySchema, response: pageOf(CredentialSchema), status: 200 }),
  create: defineRoute({ id: 'createCredential', method: 'POST', path: '/credentials', summary: 'Submit a credential; its values are stored encrypted and never returned', tag: 'Credentials', access: 'user', scope: 'write', body: CredentialCreateSchema, response: CredentialSchema, status: 201 }),
  get: defineRoute({ id: 'getCredential', method: 'GET', path: '/credentials/{id}', summary: 'A credential without its values', tag: 'Credentials', access: 'user', scope: 'read', params: IdParamsSchema, response: CredentialSchema, status: 200, resource: 'credential' }),
  update: defineRoute({ id: 'updateCredential', method: 'PATCH', path: '/credentials/{id}', summary: 'Set the status or notes of a credential', tag: 'Credentials', access: 'staff', scope: 'write', params: IdParamsSchema, body: CredentialUpdateSchema, response: CredentialSchema, status: 200, resource: 'credential' }),
  revoke: defineRoute({ id: 'revokeCredential', method: 'DELETE', path: '/credentials/{id}', summary: 'Revoke a credential: its values are wiped, the record stays for the history', tag: 'Credentials', access: 'user', scope: 'write', params: IdParamsSchema, response: null, status: 204, resource: 'credential' }),
  reveal: defineRoute({ id: 'revealCredential', method: 'POST', path: '/credentials/{id}/reveal', summary: "Show a credential's values; needs the staff user's password or authenticator code again and is audited", tag: 'Credentials', access: 'staff', scope: 'write', params: IdParamsSchema, body: CredentialRevealSchema, response: RevealedCredentialSchema, status: 200, resource: 'credential', errors: ['rate_limited'], example: { password: 'your password' }, description: 'Send either `password` (your own current password) or, if you have two-factor authentication set up, `code` (the current 6-digit code of your authenticator app; each code works once). A wrong password or code is 403 and written to the audit log, like every reveal. Wrong codes count together with those of the sign-in: after 5 in a row codes are refused for 15 minutes (429 with `Retry-After`); the password still works. Wrong passwords are limited the same way, per staff user: after 5 in 15 minutes the password is refused here for 15 minutes, even the right one (429 with `Retry-After`); a code still works.' }),
};
