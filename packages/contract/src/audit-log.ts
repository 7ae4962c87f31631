import { z } from 'zod';
import { defineRoute, isoDateTime } from './api';
import { pageOf, PageQuerySchema } from './pagination';

/** One audit entry: who did what to which record, from where. Entries are never changed or deleted. */
export const AuditEntrySchema = z.object({
  id: z.uuid(),
  at: isoDateTime,
  /** null for an unknown actor (a failed sign-in) or a deleted user; actorLabel still says who */
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  clientId: z.uuid().nullable(),
  ip: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = PageQuerySchema.extend({
  actor: z.uuid().optional(),
  /** an action or its prefix: `user.` matches user.create, user.update, ... */
  action: z.string().trim().min(1).max(100).regex(/^[a-z0-9_.]+$/, 'use lowercase letters, digits, "_" and "."').optional(),
  client: z.uuid().optional(),
  targetType: z.string().trim().min(1).max(50).optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const auditRoutes = {
  list: defineRoute({ id: 'listAuditLog', method: 'GET', path: '/audit-log', summary: 'The audit log, newest first', tag: 'Audit log', access: 'staff', scope: 'read', query: AuditListQuerySchema, response: pageOf(AuditEntrySchema), status: 200, description: 'Sign-ins (and failed ones, lockouts), token, user, settings, credential, invoice and workflow changes. `action` matches a prefix: `auth.` lists every sign-in event.' }),
};
