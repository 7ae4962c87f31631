import type { TicketCommentCreate, TicketCommentDto, TicketDto, TicketStatus, TicketUpdate } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertClientAccess, isStaff } from '~/lib/policy.server';
import { getDb, SupportTicket, TicketComment, TicketEvent, User } from '~/models/index.server';
import { COMMENT_INCLUDES, TICKET_INCLUDES, toCommentDto, toTicketDto } from './ticket-dto.server';
import { notifyTicketReplied, notifyTicketResolved, notifyTicketUpdated } from './ticket-notifications.server';
import { checkTicketTransition } from './ticket-transitions';

// Every change to a ticket runs in one transaction on the locked ticket row, and records what changed in
// ticket_events (the history clients and staff see), so concurrent changes cannot skip a transition.

type Change = { caller: Caller; ticket: SupportTicket; transaction: Transaction };

async function changeTicket<T>({ caller, id }: { caller: Caller; id: string }, apply: (change: Change) => Promise<T>): Promise<T> {
  return getDb().transaction(async (transaction) => {
    // no joins here: FOR UPDATE cannot lock the nullable side of an outer join
    const ticket = await SupportTicket.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!ticket) throw new ApiError('not_found', 'Ticket not found');
    assertClientAccess({ caller, clientId: ticket.clientId, notFound: 'Ticket not found' });
    return apply({ caller, ticket, transaction });
  });
}

async function reloadTicket(id: string): Promise<TicketDto> {
  return toTicketDto((await SupportTicket.findByPk(id, { include: TICKET_INCLUDES }))!);
}

type RecordedChange = { kind: 'status' | 'priority' | 'assignee'; from: string | null; to: string | null };

/** Records a change in the ticket's history and tells the client and the webhooks (ticket.resolved or ticket.updated). */
async function recordEvent({ caller, ticket, transaction }: Change, { kind, from, to }: RecordedChange) {
  await TicketEvent.create({ ticketId: ticket.id, actorId: caller.user.id, kind, fromValue: from, toValue: to }, { transaction });
  if (kind === 'status' && to === 'resolved') await notifyTicketResolved({ ticketId: ticket.id }, transaction);
  else await notifyTicketUpdated({ ticketId: ticket.id, change: { field: kind, from, to } }, transaction);
}

async function setStatus(change: Change, to: TicketStatus) {
  const { ticket, transaction } = change;
  const from = ticket.status;
  if (from === to) return;
  const problem = checkTicketTransition({ from, to });
  if (problem) throw new ApiError('conflict', problem);
  await ticket.update({ status: to, resolvedAt: to === 'resolved' ? new Date() : null }, { transaction });
  await recordEvent(change, { kind: 'status', from, to });
}

export async function updateTicket({ caller, id, input }: { caller: Caller; id: string; input: TicketUpdate }): Promise<TicketDto> {
  await changeTicket({ caller, id }, async (change) => {
    const { ticket, transaction } = change;
    if (!isStaff(caller)) assertClientMayEdit({ ticket, input });
    if (input.assigneeId) await assertStaffAssignee({ userId: input.assigneeId, transaction });
    const text = { subject: input.subject ?? ticket.subject, description: input.description ?? ticket.description };
    if (text.subject !== ticket.subject || text.description !== ticket.description) await ticket.update(text, { transaction });
    if (input.priority && input.priority !== ticket.priority) {
      const from = ticket.priority;
      await ticket.update({ priority: input.priority }, { transaction });
      await recordEvent(change, { kind: 'priority', from, to: input.priority });
    }
    if (input.assigneeId !== undefined && input.assigneeId !== ticket.assigneeId) {
      const from = ticket.assigneeId;
      await ticket.update({ assigneeId: input.assigneeId }, { transaction });
      await recordEvent(change, { kind: 'assignee', from, to: input.assigneeId });
    }
    if (input.status) await setStatus(change, input.status);
  });
  return reloadTicket(id);
}

function assertClientMayEdit({ ticket, input }: { ticket: SupportTicket; input: TicketUpdate }) {
  if (input.status !== undefined || input.priority !== undefined || input.assigneeId !== undefined) {
    throw new ApiError('forbidden', 'Only agency staff can change the status, priority or assignee; use resolve or reopen to close or reopen your ticket');
  }
  if (ticket.status !== 'open') throw new ApiError('conflict', 'A ticket can be edited only while it is open; add a reply instead');
}

async function assertStaffAssignee({ userId, transaction }: { userId: string; transaction: Transaction }) {
  const user = await User.findByPk(userId, { attributes: ['id', 'role', 'isActive'], transaction });
  if (!user || user.role !== 'staff' || !user.isActive) throw new ApiError('invalid_input', 'Tickets can be assigned only to active staff users', { assigneeId: ['not an active staff user'] });
}

/** Staff, or the ticket's client, mark it resolved; resolving a resolved ticket is a conflict. */
export async function resolveTicket({ caller, id }: { caller: Caller; id: string }): Promise<TicketDto> {
  await changeTicket({ caller, id }, async (change) => {
    if (change.ticket.status === 'resolved') throw new ApiError('conflict', 'This ticket is already resolved');
    await setStatus(change, 'resolved');
  });
  return reloadTicket(id);
}

export async function reopenTicket({ caller, id }: { caller: Caller; id: string }): Promise<TicketDto> {
  await changeTicket({ caller, id }, async (change) => {
    if (change.ticket.status !== 'resolved') throw new ApiError('conflict', 'Only a resolved ticket can be reopened');
    await setStatus(change, 'open');
  });
  return reloadTicket(id);
}

/**
 * Adds a reply. Only staff may write internal notes. A client's reply to a resolved ticket reopens it,
 * because a client answering after the fix means the problem is not gone.
 */
export async function addTicketComment({ caller, id, input }: { caller: Caller; id: string; input: TicketCommentCreate }): Promise<TicketCommentDto> {
  const commentId = await changeTicket({ caller, id }, async (change) => {
    if (input.internal && !isStaff(caller)) throw new ApiError('forbidden', 'Only agency staff can write internal notes');
    const comment = await TicketComment.create({ ticketId: id, authorId: caller.user.id, body: input.body, internal: input.internal }, { transaction: change.transaction });
    if (!isStaff(caller) && change.ticket.status === 'resolved') await setStatus(change, 'open');
    // updated_at is the ticket's last activity, which lists sort by; an internal note is activity too
    change.ticket.changed('updatedAt', true);
    await change.ticket.save({ transaction: change.transaction });
    await notifyTicketReplied({ ticketId: id, commentId: comment.id }, change.transaction);
    return comment.id;
  });
  return toCommentDto((await TicketComment.findByPk(commentId, { include: COMMENT_INCLUDES }))!);
}
