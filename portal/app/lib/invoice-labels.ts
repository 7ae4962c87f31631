import type { InvoiceStatus, InvoiceType } from '@monoliet/contract';

// Words shown for invoice fields, the same on the pages and in the PDF.

export const INVOICE_TYPE_LABELS: Record<InvoiceType, string> = { setup: 'Setup', monthly: 'Subscription', additional: 'Additional work' };

const PAYMENT_METHOD_LABELS: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  card: 'Card',
  direct_debit: 'Direct debit',
  paypal: 'PayPal',
  stripe: 'Stripe',
  cash: 'Cash',
  check: 'Check',
  other: 'Other',
};

export function paymentMethodLabel(method: string | null): string {
  if (!method) return '—';
  return PAYMENT_METHOD_LABELS[method] ?? method.replaceAll('_', ' ');
}

/** What a person should read: a pending invoice past its due date already counts as overdue. */
export function displayStatusOf({ status, isOverdue }: { status: InvoiceStatus; isOverdue: boolean }): InvoiceStatus {
  return status === 'pending' && isOverdue ? 'overdue' : status;
}

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = { pending: 'Pending', overdue: 'Overdue', paid: 'Paid', void: 'Void' };
