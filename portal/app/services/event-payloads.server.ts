import { getConfig } from '~/lib/config.server';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import type { Alert, ApiCredential, Invoice, SupportTicket, TicketComment, Workflow } from '~/models/index.server';

// The `data` of each webhook event: what a receiver (the Monoliet Trigger node) gets. Never secrets.

const url = (path: string) => `${getConfig().publicUrl}${path}`;
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function ticketPayload(ticket: SupportTicket) {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    clientId: ticket.clientId,
    workflowId: ticket.workflowId,
    createdAt: iso(ticket.createdAt),
    resolvedAt: iso(ticket.resolvedAt),
    url: url(PORTAL_PATHS.clientTicket(ticket.id)),
  };
}

export function commentPayload({ comment, authorName, byStaff }: { comment: TicketComment; authorName: string; byStaff: boolean }) {
  return { id: comment.id, body: comment.body, authorName, byStaff, createdAt: iso(comment.createdAt) };
}

export function invoicePayload(invoice: Invoice) {
  return {
    id: invoice.id,
    number: invoice.number,
    clientId: invoice.clientId,
    type: invoice.type,
    amount: invoice.amount,
    currency: invoice.currency,
    status: invoice.status,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paidAt: iso(invoice.paidAt),
    url: url(PORTAL_PATHS.clientInvoice(invoice.id)),
  };
}

export function workflowPayload(workflow: Workflow) {
  return { id: workflow.id, n8nWorkflowId: workflow.n8nWorkflowId, name: workflow.name, clientId: workflow.clientId, status: workflow.status, active: workflow.active };
}

export function alertPayload(alert: Alert) {
  return { id: alert.id, kind: alert.kind, message: alert.message, count: alert.count, openedAt: iso(alert.openedAt), resolvedAt: iso(alert.resolvedAt) };
}

export function credentialPayload(credential: ApiCredential) {
  return { id: credential.id, clientId: credential.clientId, serviceName: credential.serviceName, credentialType: credential.credentialType, hint: credential.hint, status: credential.status, createdAt: iso(credential.createdAt) };
}
