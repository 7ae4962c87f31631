import type { TicketCreate, TicketDetail, TicketDto, TicketListQuery, TicketPriority, TicketStatus } from '@monoliet/contract';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertClientAccess, clientScopeOf, isStaff } from '~/lib/policy.server';
import { getDb, SupportTicket, TicketComment, TicketEvent, User, Workflow } from '~/models/index.server';
import { escapeLike } from './clients.server';
import { resolveOwningClient } from './owning-client.server';
import { notifyTicketCreated } from './ticket-notifications.server';
import { COMMENT_INCLUDES, EVENT_INCLUDES, TICKET_INCLUDES, toCommentDto, toHistoryEntry, toPerson, toTicketDto } from './ticket-dto.server';

const NOT_FOUND = 'Ticket not found';

export async function listTickets({ caller, query }: { caller: Caller; query: TicketListQuery }) {
  const own = clientScopeOf(caller);
  const conditions: WhereOptions<SupportTicket>[] = [];
  if (own) conditions.push({ clientId: own });
  if (query.client) conditions.push({ clientId: query.client });
  if (query.status) conditions.push({ status: query.status });
  if (query.priority) conditions.push({ priority: query.priority });
  if (query.workflow) conditions.push({ workflowId: query.workflow });
  if (query.assignee) conditions.push({ assigneeId: query.assignee === 'none' ? null : query.assignee === 'me' ? caller.user.id : query.assignee });
  if (query.search) conditions.push(searchCondition(query.search));
  const page = await paginate({ model: SupportTicket, where: { [Op.and]: conditions }, order: parseOrder(query.order), limit: query.limit, cursor: query.cursor, include: TICKET_INCLUDES });
  return { data: page.rows.map(toTicketDto), nextCursor: page.nextCursor };
}

function searchCondition(search: string): WhereOptions<SupportTicket> {
  const pattern = `%${escapeLike(search)}%`;
  const byText: WhereOptions<SupportTicket>[] = [{ subject: { [Op.iLike]: pattern } }, { description: { [Op.iLike]: pattern } }];
  const number = /^#?(\d{1,9})$/.exec(search);
  return { [Op.or]: number ? [...byText, { number: Number(number[1]) }] : byText };
}

/** The ticket with its conversation and history. Client callers never receive internal notes. */
export async function getTicket({ caller, id }: { caller: Caller; id: string }): Promise<TicketDetail> {
  const ticket = await SupportTicket.findByPk(id, { include: TICKET_INCLUDES });
  if (!ticket) throw new ApiError('not_found', NOT_FOUND);
  assertClientAccess({ caller, clientId: ticket.clientId, notFound: NOT_FOUND });
  const [comments, events] = await Promise.all([
    TicketComment.findAll({
      where: { ticketId: id, ...(isStaff(caller) ? {} : { internal: false }) },
      include: COMMENT_INCLUDES,
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    TicketEvent.findAll({
      where: { ticketId: id },
      include: EVENT_INCLUDES,
      order: [
        ['at', 'ASC'],
        ['seq', 'ASC'],
      ],
    }),
  ]);
  const names = await assigneeNames(events);
  return { ...toTicketDto(ticket), comments: comments.map(toCommentDto), history: events.map((event) => toHistoryEntry({ event, names })) };
}

async function assigneeNames(events: TicketEvent[]): Promise<Map<string, string>> {
  const ids = [...new Set(events.filter((e) => e.kind === 'assignee').flatMap((e) => [e.fromValue, e.toValue]).filter((v): v is string => !!v))];
  if (ids.length === 0) return new Map();
  const users = await User.findAll({ where: { id: ids }, attributes: ['id', 'name', 'email', 'role'] });
  return new Map(users.map((user) => [user.id, toPerson(user)!.name]));
}

export async function createTicket({ caller, input }: { caller: Caller; input: TicketCreate }): Promise<TicketDto> {
  const clientId = await resolveOwningClient({ caller, requested: input.clientId, noun: 'ticket' });
  const id = await getDb().transaction(async (transaction) => {
    if (input.workflowId) await assertWorkflowOfClient({ workflowId: input.workflowId, clientId, transaction });
    const ticket = await SupportTicket.create(
      {
        clientId,
        createdById: caller.user.id,
        assigneeId: null,
        workflowId: input.workflowId ?? null,
        subject: input.subject,
        description: input.description,
        priority: input.priority,
        resolvedAt: null,
      },
      { transaction },
    );
    await TicketEvent.create({ ticketId: ticket.id, actorId: caller.user.id, kind: 'created', fromValue: null, toValue: 'open' }, { transaction });
    await notifyTicketCreated({ ticketId: ticket.id }, transaction);
    return ticket.id;
  });
  return toTicketDto((await SupportTicket.findByPk(id, { include: TICKET_INCLUDES }))!);
}

async function assertWorkflowOfClient({ workflowId, clientId, transaction }: { workflowId: string; clientId: string; transaction: Transaction }) {
  const workflow = await Workflow.findByPk(workflowId, { attributes: ['id', 'clientId'], transaction });
  if (!workflow || workflow.clientId !== clientId) {
    throw new ApiError('invalid_input', 'The workflow must belong to the same client as the ticket', { workflowId: ['no workflow of this client has this id'] });
  }
}

/** The workflows a client can pick when opening a ticket about one of them. */
export async function listTicketWorkflowChoices(caller: Caller): Promise<{ id: string; name: string }[]> {
  const clientId = clientScopeOf(caller);
  if (!clientId) return [];
  const workflows = await Workflow.findAll({ where: { clientId, archivedAt: null }, attributes: ['id', 'name'], order: [['name', 'ASC']] });
  return workflows.map((w) => ({ id: w.id, name: w.name }));
}

/** How many of the caller's tickets are in each status, for the list's tabs. */
export async function countTicketsByStatus(caller: Caller): Promise<Record<TicketStatus, number>> {
  const own = clientScopeOf(caller);
  const rows = (await SupportTicket.count({ where: own ? { clientId: own } : {}, group: ['status'] })) as unknown as { status: TicketStatus; count: number }[];
  const counts: Record<TicketStatus, number> = { open: 0, in_progress: 0, resolved: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** How many unresolved (open or in progress) tickets of the caller's have each priority, for the staff queue and dashboard. */
export async function countOpenTicketsByPriority(caller: Caller): Promise<Record<TicketPriority, number>> {
  const own = clientScopeOf(caller);
  const rows = (await SupportTicket.count({ where: { status: ['open', 'in_progress'], ...(own ? { clientId: own } : {}) }, group: ['priority'] })) as unknown as { priority: TicketPriority; count: number }[];
  const counts: Record<TicketPriority, number> = { low: 0, medium: 0, high: 0, urgent: 0 };
  for (const row of rows) counts[row.priority] = Number(row.count);
  return counts;
}
