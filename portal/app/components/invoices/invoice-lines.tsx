import type { InvoiceDto } from '@monoliet/contract';
import { formatDate } from '~/lib/format';
import { formatMoney } from '~/lib/money';

const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** The line items with their totals underneath, as on the PDF. */
export function InvoiceLines({ invoice }: { invoice: InvoiceDto }) {
  const money = (amount: string) => formatMoney({ amount, currency: invoice.currency });
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Line items</caption>
          <thead>
            <tr className="whitespace-nowrap border-b border-slate-200 text-xs font-semibold uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2.5 pr-3 text-left">
                Description
              </th>
              <th scope="col" className="px-3 py-2.5 text-right">
                Qty
              </th>
              <th scope="col" className="px-3 py-2.5 text-right">
                Unit price
              </th>
              <th scope="col" className="py-2.5 pl-3 text-right">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invoice.lines.map((line, index) => (
              <tr key={index} data-testid="invoice-line">
                <td className="py-3 pr-3 text-slate-900">{line.description}</td>
                <td className="px-3 py-3 text-right tabular-nums text-slate-600">{quantity.format(line.quantity)}</td>
                <td className="px-3 py-3 text-right tabular-nums text-slate-600">{money(line.unitAmount)}</td>
                <td className="py-3 pl-3 text-right font-medium tabular-nums text-slate-900">{money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ml-auto mt-4 w-full max-w-xs space-y-2 border-t border-slate-200 pt-4 text-sm">
        <div className="flex justify-between text-slate-600">
          <dt>Subtotal</dt>
          <dd className="tabular-nums">{money(invoice.total)}</dd>
        </div>
        <div className="flex justify-between font-semibold text-slate-900">
          <dt>Total ({invoice.currency})</dt>
          <dd className="tabular-nums" data-testid="invoice-total">
            {money(invoice.total)}
          </dd>
        </div>
        {invoice.status === 'paid' ? (
          <div className="flex justify-between text-slate-600">
            <dt>Paid on {formatDate(invoice.paidAt)}</dt>
            <dd className="tabular-nums">{money(`-${invoice.total}`)}</dd>
          </div>
        ) : null}
        <div className="flex justify-between border-t border-slate-900 pt-2 text-base font-semibold text-slate-900">
          <dt>Amount due</dt>
          <dd className="tabular-nums" data-testid="invoice-amount-due">
            {money(invoice.amountDue)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
