import type { InvoiceDto, InvoiceStatus } from '@monoliet/contract';
import { formatDate } from '../format';
import { displayStatusOf, paymentMethodLabel } from '../invoice-labels';
import { formatMoney } from '../money';

// What the PDF says, apart from how it is drawn.

export type InvoicePdfData = {
  agency: { name: string; supportEmail: string; brandColor: string };
  billTo: { companyName: string; contactName: string; email: string };
  invoice: InvoiceDto;
  /** "code" when the font has no glyph for the currency's symbol */
  currencyDisplay?: 'symbol' | 'code';
};

type Money = Pick<InvoicePdfData, 'invoice' | 'currencyDisplay'>;

export const STATUS_BADGES: Record<InvoiceStatus, string> = { pending: 'PAYMENT DUE', overdue: 'OVERDUE', paid: 'PAID', void: 'VOID' };

export function statusOf(invoice: InvoiceDto): InvoiceStatus {
  return displayStatusOf(invoice);
}

export function money({ invoice, currencyDisplay }: Money, amount: string): string {
  return formatMoney({ amount, currency: invoice.currency, display: currencyDisplay });
}

/** The one line under the parties that says where the invoice stands: "€1,490.00 due 9 Dec 2026". */
export function headlineOf(data: Money): string {
  const { invoice } = data;
  const status = statusOf(invoice);
  if (status === 'paid') return `${money(data, invoice.total)} paid on ${formatDate(invoice.paidAt)}`;
  if (status === 'void') return `Voided on ${formatDate(invoice.voidedAt)} — nothing to pay`;
  return `${money(data, invoice.amountDue)} due ${formatDate(invoice.dueDate)}`;
}

export function paymentTermsDays(invoice: InvoiceDto): number {
  return Math.round((Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate)) / 86_400_000);
}

/** The payment paragraph at the end of the invoice. */
export function paymentTermsOf(data: InvoicePdfData): string {
  const { invoice, agency } = data;
  const status = statusOf(invoice);
  const contact = agency.supportEmail ? ` Questions about this invoice? Write to ${agency.supportEmail}.` : '';
  if (status === 'paid') return `Paid in full on ${formatDate(invoice.paidAt)} by ${paymentMethodLabel(invoice.paymentMethod).toLowerCase()}. Thank you for your business.${contact}`;
  if (status === 'void') return `This invoice has been voided and is not payable.${contact}`;
  const days = paymentTermsDays(invoice);
  const terms = days === 0 ? 'Due on receipt.' : `Payment terms: ${days} days net.`;
  const ask =
    status === 'overdue'
      ? `This invoice was due on ${formatDate(invoice.dueDate)}. Please pay ${money(data, invoice.amountDue)} as soon as possible, quoting ${invoice.number}.`
      : `Please pay ${money(data, invoice.amountDue)} by ${formatDate(invoice.dueDate)}, quoting ${invoice.number}.`;
  return `${terms} ${ask}${contact}`;
}
