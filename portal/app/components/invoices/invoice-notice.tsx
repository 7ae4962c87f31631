import type { InvoiceDto } from '@monoliet/contract';
import { formatDate } from '~/lib/format';
import { displayStatusOf, paymentMethodLabel } from '~/lib/invoice-labels';
import { formatMoney } from '~/lib/money';

const STYLES = {
  pending: 'border-sky-200 bg-sky-50 text-sky-900',
  overdue: 'border-rose-200 bg-rose-50 text-rose-900',
  paid: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  void: 'border-slate-200 bg-slate-50 text-slate-700',
} as const;

/** One sentence at the top of an invoice: what is owed and by when, or that nothing is. */
export function InvoiceNotice({ invoice, supportEmail }: { invoice: InvoiceDto; supportEmail: string }) {
  const status = displayStatusOf(invoice);
  const due = formatMoney({ amount: invoice.amountDue, currency: invoice.currency });
  const message = {
    pending: `${due} is due on ${formatDate(invoice.dueDate)}. Please quote ${invoice.number} with your payment.`,
    overdue: `This invoice was due on ${formatDate(invoice.dueDate)}. Please pay ${due} as soon as possible, quoting ${invoice.number}.`,
    paid: `Paid in full on ${formatDate(invoice.paidAt)} by ${paymentMethodLabel(invoice.paymentMethod).toLowerCase()}. Thank you!`,
    void: `This invoice was voided on ${formatDate(invoice.voidedAt)}. There is nothing to pay.`,
  }[status];
  return (
    <div role="status" className={`rounded-xl border px-5 py-4 text-sm ${STYLES[status]}`} data-testid="invoice-notice">
      <p className="font-medium">{message}</p>
      {supportEmail && (status === 'pending' || status === 'overdue') ? (
        <p className="mt-1 opacity-80">
          Questions about this invoice? Write to{' '}
          <a href={`mailto:${supportEmail}?subject=${encodeURIComponent(invoice.number)}`} className="underline">
            {supportEmail}
          </a>
          .
        </p>
      ) : null}
    </div>
  );
}
