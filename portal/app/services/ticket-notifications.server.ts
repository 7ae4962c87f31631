import type { Transaction } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import { ticketCreatedForClient, ticketCreatedForStaff, ticketReplied, ticketResolved } from '~/lib/email/templates';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import { SupportTicket, TicketComment } from '~/models/index.server';
import { commentPayload, ticketPayload } from './event-payloads.server';
import { publishEvent } from './events.server';
import { getEmailBranding, getStaffAlertRecipients, getTicketClientRecipients } from './recipients.server';

// Called by the ticket services inside the transaction that made the change.

async function loadTicket(ticketId: string, transaction: Transaction) {
  const ticket = await SupportTicket.findByPk(ticketId, { include: [{ association: 'client' }, { association: 'createdBy' }], transaction });
  if (!ticket?.client) throw new Error(`Ticket ${ticketId} not found`);
  const branding = await getEmailBranding(transaction);
  const summary = { number: ticket.number, subject: ticket.subject, description: ticket.description, priority: ticket.priority, status: ticket.status };
  const clientUrl = `${getConfig().publicUrl}${PORTAL_PATHS.clientTicket(ticket.id)}`;
  return { ticket, client: ticket.client, branding, summary, clientUrl };
}

/** ticket.created: a confirmation to the client (opener + contact) and an alert to the staff recipients. */
export async function notifyTicketCreated({ ticketId }: { ticketId: string }, transaction: Transaction) {
  const { ticket, client, branding, summary, clientUrl } = await loadTicket(ticketId, transaction);
  const staffUrl = `${getConfig().publicUrl}${PORTAL_PATHS.staffTicket(ticket.id)}`;
  const authorName = ticket.createdBy ? ticket.createdBy.name || ticket.createdBy.email : client.companyName;
  return publishEvent(
    {
      event: 'ticket.created',
      data: { ticket: ticketPayload(ticket) },
      clientId: client.id,
      emails: [
        { template: 'ticket-created', to: getTicketClientRecipients({ client, creator: ticket.createdBy ?? null }), rendered: ticketCreatedForClient({ branding, ticket: summary, clientName: client.companyName, url: clientUrl }), clientId: client.id },
        { template: 'ticket-created-staff', to: await getStaffAlertRecipients(transaction), rendered: ticketCreatedForStaff({ branding, ticket: summary, clientName: client.companyName, url: staffUrl, authorName }), clientId: client.id },
      ],
    },
    transaction,
  );
}

/**
 * ticket.updated for a new comment. A staff reply also mails the client; an internal note publishes
 * nothing (a client's subscription must never see it).
 */
export async function notifyTicketReplied({ ticketId, commentId }: { ticketId: string; commentId: string }, transaction: Transaction) {
  const comment = await TicketComment.findByPk(commentId, { include: [{ association: 'author' }], transaction });
  if (!comment) throw new Error(`Comment ${commentId} not found`);
  if (comment.internal) return { emails: 0, deliveries: 0 };
  const { ticket, client, branding, summary, clientUrl } = await loadTicket(ticketId, transaction);
  const byStaff = comment.author?.role === 'staff';
  const authorName = comment.author ? comment.author.name || comment.author.email : 'Someone';
  return publishEvent(
    {
      event: 'ticket.updated',
      data: { ticket: ticketPayload(ticket), change: 'comment', comment: commentPayload({ comment, authorName, byStaff }) },
      clientId: client.id,
      emails: byStaff
        ? [{ template: 'ticket-reply', to: getTicketClientRecipients({ client, creator: ticket.createdBy ?? null }), rendered: ticketReplied({ branding, ticket: summary, clientName: client.companyName, url: clientUrl, reply: { body: comment.body, authorName } }), clientId: client.id }]
        : [],
    },
    transaction,
  );
}

/** ticket.updated for a change of status (other than resolving), priority or assignee: webhooks only. */
export async function notifyTicketUpdated({ ticketId, change }: { ticketId: string; change: { field: 'status' | 'priority' | 'assignee'; from: string | null; to: string | null } }, transaction: Transaction) {
  const { ticket, client } = await loadTicket(ticketId, transaction);
  return publishEvent({ event: 'ticket.updated', data: { ticket: ticketPayload(ticket), change: change.field, from: change.from, to: change.to }, clientId: client.id }, transaction);
}

/** ticket.resolved: mails the client (opener + contact). */
export async function notifyTicketResolved({ ticketId }: { ticketId: string }, transaction: Transaction) {
  const { ticket, client, branding, summary, clientUrl } = await loadTicket(ticketId, transaction);
  return publishEvent(
    {
      event: 'ticket.resolved',
      data: { ticket: ticketPayload(ticket) },
      clientId: client.id,
      emails: [{ template: 'ticket-resolved', to: getTicketClientRecipients({ client, creator: ticket.createdBy ?? null }), rendered: ticketResolved({ branding, ticket: summary, clientName: client.companyName, url: clientUrl }), clientId: client.id }],
    },
    transaction,
  );
}
