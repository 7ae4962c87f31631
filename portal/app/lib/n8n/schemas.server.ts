import { EXECUTION_STATUSES } from '@monoliet/contract';
import { z } from 'zod';

// The shapes n8n's public API answers with (checked against n8n 2.41; 1.x has the same keys). Only the
// fields the portal uses are parsed; the rest is ignored. A backfill parses 250 executions per page, so
// these are written for zod's cheap paths: a string id is accepted by the first alternative without a
// transform (a union of both plus a transform allocated twice as much per item), and each page schema
// is built once, not per request.

/** n8n's ids are strings of digits; older versions answered numbers. */
const id = z.string().min(1).or(z.number().transform(String));
const nullableId = z.string().or(z.number().transform(String)).nullish();

/** A list item of `GET /executions` (also what `GET /executions/{id}` answers without data). */
export const N8nExecutionSchema = z.object({
  id,
  mode: z.string().nullish(),
  retryOf: nullableId,
  // a status a newer n8n adds is stored as "unknown" rather than failing the whole page
  status: z.enum(EXECUTION_STATUSES).catch('unknown'),
  // null while an execution is queued ("new")
  startedAt: z.string().nullish(),
  stoppedAt: z.string().nullish(),
  workflowId: id,
});
export type N8nExecution = z.infer<typeof N8nExecutionSchema>;

const N8nTagSchema = z.object({ id: z.string().optional(), name: z.string() });

export const N8nWorkflowSchema = z.object({
  id,
  name: z.string(),
  active: z.boolean(),
  isArchived: z.boolean().optional(),
  tags: z.array(N8nTagSchema).nullish().transform((tags) => (tags ?? []).map((tag) => tag.name)),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type N8nWorkflow = z.infer<typeof N8nWorkflowSchema>;

/** Every list answer: `{ data, nextCursor }`; nextCursor is null on the last page. */
export function n8nPageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullish().transform((cursor) => cursor || null) });
}
export type N8nPage<T> = { data: T[]; nextCursor: string | null };

export const N8nExecutionPageSchema = n8nPageSchema(N8nExecutionSchema);
export const N8nWorkflowPageSchema = n8nPageSchema(N8nWorkflowSchema);
