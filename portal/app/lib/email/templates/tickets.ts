import { detailsTable, detailsText, paragraph, quote, renderEmail, type EmailBranding, type RenderedEmail } from './layout';

export type TicketSummary = { number: number; subject: string; description: string; priority: string; status: string };
type TicketMail = { branding: EmailBranding; ticket: TicketSummary; clientName: string; url: string };

const ref = (ticket: TicketSummary) => `#${ticket.number}`;

/** To the client: we have the ticket. */
export function ticketCreatedForClient({ branding, ticket, url }: TicketMail): RenderedEmail {
  const details: [string, string][] = [['Ticket', ref(ticket)], ['Subject', ticket.subject], ['Priority', ticket.priority]];
  return renderEmail({
    branding,
    subject: `[${ref(ticket)}] We received your request: ${ticket.subject}`,
    heading: 'We received your request',
    blocks: [paragraph(`Thanks for reaching out. Our team will get back to you on ticket ${ref(ticket)}.`), detailsTable(details)],
    textLines: [`Thanks for reaching out. Our team will get back to you on ticket ${ref(ticket)}.`, '', ...detailsText(details)],
    action: { label: 'View the ticket', url },
  });
}

/** To staff: a client opened a ticket. */
export function ticketCreatedForStaff({ branding, ticket, clientName, url, authorName }: TicketMail & { authorName: string }): RenderedEmail {
  const details: [string, string][] = [['Client', clientName], ['Opened by', authorName], ['Priority', ticket.priority]];
  return renderEmail({
    branding,
    subject: `[${ref(ticket)}] New ${ticket.priority} ticket from ${clientName}: ${ticket.subject}`,
    heading: `New ticket ${ref(ticket)}: ${ticket.subject}`,
    blocks: [detailsTable(details), quote(ticket.description || '(no description)')],
    textLines: [...detailsText(details), '', ticket.description || '(no description)'],
    action: { label: 'Open in the staff area', url },
  });
}

/** To the client: staff answered. */
export function ticketReplied({ branding, ticket, url, reply }: TicketMail & { reply: { body: string; authorName: string } }): RenderedEmail {
  return renderEmail({
    branding,
    subject: `[${ref(ticket)}] New reply: ${ticket.subject}`,
    heading: `${reply.authorName} replied to your ticket`,
    blocks: [paragraph(`On ticket ${ref(ticket)} "${ticket.subject}":`), quote(reply.body)],
    textLines: [`On ticket ${ref(ticket)} "${ticket.subject}":`, '', reply.body],
    action: { label: 'Reply in the portal', url },
  });
}

/** To the client: the ticket is resolved. */
export function ticketResolved({ branding, ticket, url }: TicketMail): RenderedEmail {
  const line = `Ticket ${ref(ticket)} "${ticket.subject}" is resolved. If something is still not right, reply in the portal and we will pick it up again.`;
  return renderEmail({
    branding,
    subject: `[${ref(ticket)}] Resolved: ${ticket.subject}`,
    heading: 'Your ticket is resolved',
    blocks: [paragraph(line)],
    textLines: [line],
    action: { label: 'View the ticket', url },
  });
}
