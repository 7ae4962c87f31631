import { formatMoney } from '~/lib/money';
import { detailsTable, detailsText, paragraph, renderEmail, type EmailBranding, type RenderedEmail } from './layout';

export type InvoiceSummary = { number: string; amount: string; currency: string; issueDate: string; dueDate: string };
type InvoiceMail = { branding: EmailBranding; invoice: InvoiceSummary; clientName: string; url: string };

/** before: N days before the due date; due: on it; overdue: N days after it. */
export type ReminderStage = { kind: 'before' | 'due' | 'overdue'; days: number };

function invoiceDetails(invoice: InvoiceSummary): [string, string][] {
  return [
    ['Invoice', invoice.number],
    ['Amount', formatMoney({ amount: invoice.amount, currency: invoice.currency })],
    ['Issued', invoice.issueDate],
    ['Due', invoice.dueDate],
  ];
}

export function invoiceCreated({ branding, invoice, clientName, url }: InvoiceMail): RenderedEmail {
  const amount = formatMoney({ amount: invoice.amount, currency: invoice.currency });
  const line = `Hello ${clientName}, a new invoice of ${amount} is ready. Please pay it by ${invoice.dueDate}.`;
  return renderEmail({
    branding,
    subject: `Invoice ${invoice.number} from ${branding.companyName}: ${amount}`,
    heading: `Invoice ${invoice.number}`,
    blocks: [paragraph(line), detailsTable(invoiceDetails(invoice))],
    textLines: [line, '', ...detailsText(invoiceDetails(invoice))],
    action: { label: 'View and download the invoice', url },
  });
}

export function invoiceReminder({ branding, invoice, clientName, url, stage }: InvoiceMail & { stage: ReminderStage }): RenderedEmail {
  const amount = formatMoney({ amount: invoice.amount, currency: invoice.currency });
  const when =
    stage.kind === 'before'
      ? `is due in ${stage.days} day${stage.days === 1 ? '' : 's'}, on ${invoice.dueDate}`
      : stage.kind === 'due'
        ? 'is due today'
        : `was due on ${invoice.dueDate} and is now ${stage.days} day${stage.days === 1 ? '' : 's'} overdue`;
  const subject =
    stage.kind === 'overdue'
      ? `Overdue: invoice ${invoice.number} (${amount})`
      : `Reminder: invoice ${invoice.number} (${amount}) ${stage.kind === 'due' ? 'is due today' : `is due on ${invoice.dueDate}`}`;
  const line = `Hello ${clientName}, invoice ${invoice.number} of ${amount} ${when}. If you have already paid, thank you, and please ignore this reminder.`;
  return renderEmail({
    branding,
    subject,
    heading: stage.kind === 'overdue' ? `Invoice ${invoice.number} is overdue` : `Invoice ${invoice.number} ${stage.kind === 'due' ? 'is due today' : 'is due soon'}`,
    blocks: [paragraph(line), detailsTable(invoiceDetails(invoice))],
    textLines: [line, '', ...detailsText(invoiceDetails(invoice))],
    action: { label: 'View the invoice', url },
  });
}
