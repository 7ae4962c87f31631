import { z } from 'zod';
import { defineRoute, hasNoNul, IdParamsSchema, isoDateTime, NO_NUL_MESSAGE } from './api';
import { pageOf, PageQuerySchema } from './pagination';

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TicketPrioritySchema = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

/**
 * The status changes a ticket allows. Work starts (open → in_progress), ends (→ resolved; an open ticket
 * may be resolved directly, e.g. when the client solved it), and a resolved ticket can only be reopened.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['open'],
};

export const MAX_TICKET_SUBJECT = 200;
export const MAX_TICKET_TEXT = 10_000;

/** A person shown on a ticket: its author, an assignee, a comment's writer. */
export const TicketPersonSchema = z.object({
  id: z.uuid(),
  /** the user's name, or the part of the email before the @ when no name is set */
  name: z.string(),
  role: z.enum(['staff', 'client']),
});
export type TicketPerson = z.infer<typeof TicketPersonSchema>;

export const TicketSchema = z.object({
  id: z.uuid(),
  /** the human number (#1001, ...) */
  number: z.number().int(),
  clientId: z.uuid(),
  subject: z.string(),
  description: z.string(),
  priority: TicketPrioritySchema,
  status: TicketStatusSchema,
  workflow: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdBy: TicketPersonSchema.nullable(),
  assignee: TicketPersonSchema.nullable(),
  resolvedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** the last activity: any change or reply */
  updatedAt: isoDateTime,
});
export type TicketDto = z.infer<typeof TicketSchema>;

export const TicketCommentSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  body: z.string(),
  /** a staff-only note; client users and client tokens never receive these */
  internal: z.boolean(),
  author: TicketPersonSchema.nullable(),
  createdAt: isoDateTime,
});
export type TicketCommentDto = z.infer<typeof TicketCommentSchema>;

/**
 * One entry of a ticket's history. `from`/`to` hold the status or priority values; for `assignee` they
 * hold the assignees' names (null: unassigned).
 */
export const TicketHistoryEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(['created', 'status', 'priority', 'assignee']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actor: TicketPersonSchema.nullable(),
  at: isoDateTime,
});
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntrySchema>;

export const TicketDetailSchema = TicketSchema.extend({
  comments: z.array(TicketCommentSchema),
  history: z.array(TicketHistoryEntrySchema),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

const subject = z.string().trim().min(1, 'Enter a subject').max(MAX_TICKET_SUBJECT, `Use at most ${MAX_TICKET_SUBJECT} characters`).refine(hasNoNul, NO_NUL_MESSAGE);
const text = z.string().trim().min(1, 'Describe the problem').max(MAX_TICKET_TEXT, `Use at most ${MAX_TICKET_TEXT} characters`).refine(hasNoNul, NO_NUL_MESSAGE);

export const TicketCreateSchema = z.object({
  subject,
  description: text,
  priority: TicketPrioritySchema.default('medium'),
  /** required for staff; a client user or token always creates tickets for its own client */
  clientId: z.uuid().optional(),
  /** a workflow of the same client that the ticket is about */
  workflowId: z.uuid().nullable().optional(),
});
export type TicketCreate = z.infer<typeof TicketCreateSchema>;

/** Staff change status, priority and assignee; a client may change subject and description while the ticket is open. */
export const TicketUpdateSchema = z
  .object({
    subject: subject.optional(),
    description: text.optional(),
    priority: TicketPrioritySchema.optional(),
    status: TicketStatusSchema.optional(),
    /** a staff user, or null to unassign */
    assigneeId: z.uuid().nullable().optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), 'send at least one field');
export type TicketUpdate = z.infer<typeof TicketUpdateSchema>;

export const TicketCommentCreateSchema = z.object({
  body: z.string().trim().min(1, 'Write a message').max(MAX_TICKET_TEXT, `Use at most ${MAX_TICKET_TEXT} characters`).refine(hasNoNul, NO_NUL_MESSAGE),
  /** staff only: a note that the client never sees */
  internal: z.boolean().default(false),
});
export type TicketCommentCreate = z.infer<typeof TicketCommentCreateSchema>;

/** A comma-separated list of values: `?status=open,in_progress`. */
function commaList<T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((v, ctx) => {
    const items = [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))];
    const unknown = items.filter((item) => !values.includes(item));
    if (items.length === 0 || unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `use one or more of ${values.join(', ')}, separated by commas${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}` });
      return z.NEVER;
    }
    return items as T[number][];
  });
}

export const TicketListQuerySchema = PageQuerySchema.extend({
  status: commaList(TICKET_STATUSES).optional(),
  priority: commaList(TICKET_PRIORITIES).optional(),
  /** staff: one client's tickets (a client caller always sees only its own) */
  client: z.uuid().optional(),
  /** a staff user's id, `me`, or `none` for unassigned tickets */
  assignee: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  workflow: z.uuid().optional(),
  /** words of the subject or description, or a ticket number such as `1042` or `#1042` */
  search: z.string().trim().max(100).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  order: z.enum(['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'number', '-number']).default('-createdAt'),
});
export type TicketListQuery = z.infer<typeof TicketListQuerySchema>;

export const ticketRoutes = {
  list: defineRoute({ id: 'listTickets', method: 'GET', path: '/tickets', summary: 'List support tickets (a client sees only its own)', tag: 'Tickets', access: 'user', scope: 'read', query: TicketListQuerySchema, response: pageOf(TicketSchema), status: 200 }),
  create: defineRoute({ id: 'createTicket', method: 'POST', path: '/tickets', summary: "Open a ticket (a client for itself; staff give clientId)", tag: 'Tickets', access: 'user', scope: 'write', body: TicketCreateSchema, response: TicketSchema, status: 201 }),
  get: defineRoute({ id: 'getTicket', method: 'GET', path: '/tickets/{id}', summary: 'A ticket with its conversation and status history (internal notes only for staff)', tag: 'Tickets', access: 'user', scope: 'read', params: IdParamsSchema, response: TicketDetailSchema, status: 200, resource: 'ticket' }),
  update: defineRoute({ id: 'updateTicket', method: 'PATCH', path: '/tickets/{id}', summary: 'Change status, priority or assignee (staff); subject or description of an open ticket (its client)', tag: 'Tickets', access: 'user', scope: 'write', params: IdParamsSchema, body: TicketUpdateSchema, response: TicketSchema, status: 200, resource: 'ticket' }),
  comment: defineRoute({ id: 'createTicketComment', method: 'POST', path: '/tickets/{id}/comments', summary: 'Reply to a ticket; staff may add internal notes. A client reply reopens a resolved ticket', tag: 'Tickets', access: 'user', scope: 'write', params: IdParamsSchema, body: TicketCommentCreateSchema, response: TicketCommentSchema, status: 201, resource: 'ticket' }),
  resolve: defineRoute({ id: 'resolveTicket', method: 'POST', path: '/tickets/{id}/resolve', summary: 'Mark a ticket resolved (409 if it already is)', tag: 'Tickets', access: 'user', scope: 'write', params: IdParamsSchema, response: TicketSchema, status: 200, resource: 'ticket' }),
  reopen: defineRoute({ id: 'reopenTicket', method: 'POST', path: '/tickets/{id}/reopen', summary: 'Reopen a resolved ticket (409 if it is not resolved)', tag: 'Tickets', access: 'user', scope: 'write', params: IdParamsSchema, response: TicketSchema, status: 200, resource: 'ticket' }),
};
