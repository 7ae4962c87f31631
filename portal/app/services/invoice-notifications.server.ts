import type { Transaction } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import { invoiceCreated } from '~/lib/email/templates';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import { Invoice } from '~/models/index.server';
import { invoicePayload } from './event-payloads.server';
import { publishEvent } from './events.server';
import { getBillingRecipients, getEmailBranding } from './recipients.server';

// Called by the invoice services inside the transaction that made the change.

export async function loadInvoice(invoiceId: string, transaction: Transaction) {
  const invoice = await Invoice.findByPk(invoiceId, { include: [{ association: 'client' }], transaction });
  if (!invoice?.client) throw new Error(`Invoice ${invoiceId} not found`);
  const summary = { number: invoice.number, amount: invoice.amount, currency: invoice.currency, issueDate: invoice.issueDate, dueDate: invoice.dueDate };
  return { invoice, client: invoice.client, summary, url: `${getConfig().publicUrl}${PORTAL_PATHS.clientInvoice(invoice.id)}` };
}

/** invoice.created: mails the client's billing email (or its contact email). */
export async function notifyInvoiceCreated({ invoiceId }: { invoiceId: string }, transaction: Transaction) {
  const { invoice, client, summary, url } = await loadInvoice(invoiceId, transaction);
  const branding = await getEmailBranding(transaction);
  return publishEvent(
    {
      event: 'invoice.created',
      data: { invoice: invoicePayload(invoice) },
      clientId: client.id,
      emails: [{ template: 'invoice-created', to: getBillingRecipients(client), rendered: invoiceCreated({ branding, invoice: summary, clientName: client.companyName, url }), clientId: client.id }],
    },
    transaction,
  );
}

/** invoice.paid: webhooks only. */
export async function notifyInvoicePaid({ invoiceId }: { invoiceId: string }, transaction: Transaction) {
  const { invoice, client } = await loadInvoice(invoiceId, transaction);
  return publishEvent({ event: 'invoice.paid', data: { invoice: invoicePayload(invoice) }, clientId: client.id }, transaction);
}
