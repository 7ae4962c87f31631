import type { TicketCommentDto, TicketDto, TicketHistoryEntry, TicketPerson } from '@monoliet/contract';
import type { Includeable } from 'sequelize';
import { TicketComment, TicketEvent, User, Workflow, type SupportTicket } from '~/models/index.server';

// Tickets as the API and the pages show them. Only these shapes leave the services.

const PERSON_ATTRIBUTES = ['id', 'name', 'email', 'role'];

/** What every ticket read loads with it. */
export const TICKET_INCLUDES: Includeable[] = [
  { model: User, as: 'createdBy', attributes: PERSON_ATTRIBUTES },
  { model: User, as: 'assignee', attributes: PERSON_ATTRIBUTES },
  { model: Workflow, as: 'workflow', attributes: ['id', 'name'] },
];

export function toPerson(user: User | null | undefined): TicketPerson | null {
  if (!user) return null;
  return { id: user.id, name: user.name.trim() || user.email.split('@')[0]!, role: user.role };
}

export function toTicketDto(ticket: SupportTicket): TicketDto {
  return {
    id: ticket.id,
    number: ticket.number,
    clientId: ticket.clientId,
    subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    status: ticket.status,
    workflow: ticket.workflow ? { id: ticket.workflow.id, name: ticket.workflow.name } : null,
    createdBy: toPerson(ticket.createdBy),
    assignee: toPerson(ticket.assignee),
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toCommentDto(comment: TicketComment): TicketCommentDto {
  return {
    id: comment.id,
    ticketId: comment.ticketId,
    body: comment.body,
    internal: comment.internal,
    author: toPerson(comment.author),
    createdAt: comment.createdAt.toISOString(),
  };
}

/** `names` maps user ids to display names, for assignee changes. */
export function toHistoryEntry({ event, names }: { event: TicketEvent; names: Map<string, string> }): TicketHistoryEntry {
  const value = (v: string | null) => (event.kind === 'assignee' && v ? (names.get(v) ?? 'a former team member') : v);
  return { id: event.id, kind: event.kind, from: value(event.fromValue), to: value(event.toValue), actor: toPerson(event.actor), at: event.at.toISOString() };
}

export const COMMENT_INCLUDES: Includeable[] = [{ model: User, as: 'author', attributes: PERSON_ATTRIBUTES }];
export const EVENT_INCLUDES: Includeable[] = [{ model: User, as: 'actor', attributes: PERSON_ATTRIBUTES }];
