import { z } from 'zod';
import { defineRoute, isoDateTime, queryBoolean } from './api';
import { pageOf, PageQuerySchema } from './pagination';

/** What an alert is about: run errors, a run stuck running, a missed schedule, a low success rate, no runs. */
export const ALERT_KINDS = ['error', 'stuck', 'missed', 'failure_rate', 'no_runs'] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const AlertSchema = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  workflowName: z.string(),
  clientId: z.uuid().nullable(),
  kind: AlertKindSchema,
  message: z.string(),
  /** what the check measured (rates, execution ids, ...) */
  details: z.record(z.string(), z.unknown()),
  /** errors: how many runs failed while it was open; other kinds: how many checks found it */
  count: z.int(),
  open: z.boolean(),
  openedAt: isoDateTime,
  lastNotifiedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
});
export type AlertDto = z.infer<typeof AlertSchema>;

export const AlertListQuerySchema = PageQuerySchema.extend({
  workflow: z.uuid().optional(),
  client: z.uuid().optional(),
  kind: AlertKindSchema.optional(),
  open: queryBoolean.optional(),
  order: z.enum(['openedAt', '-openedAt']).default('-openedAt'),
});
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

export const alertRoutes = {
  list: defineRoute({ id: 'listAlerts', method: 'GET', path: '/alerts', summary: "List workflow alerts (a client user sees its own workflows' alerts)", tag: 'Alerts', access: 'user', scope: 'read', query: AlertListQuerySchema, response: pageOf(AlertSchema), status: 200 }),
};
