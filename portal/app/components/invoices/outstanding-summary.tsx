import { formatDate } from '~/lib/format';
import { formatMoney } from '~/lib/money';

export type Outstanding = { currency: string; amountDue: string; count: number; overdueAmount: string; overdueCount: number; nextDueDate: string | null };

/** What is still to be paid, one card per currency; amounts in different currencies are never added up. */
export function OutstandingSummary({ totals }: { totals: Outstanding[] }) {
  if (totals.length === 0) {
    return (
      <section className="flex items-center gap-4 rounded-xl border border-emerald-200 bg-emerald-50/60 px-5 py-4" data-testid="outstanding-none">
        <span className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-emerald-100 text-emerald-700">
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-5 w-5">
            <path
              fillRule="evenodd"
              d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z"
              clipRule="evenodd"
            />
          </svg>
        </span>
        <div>
          <p className="text-sm font-semibold text-emerald-900">You are all paid up</p>
          <p className="text-sm text-emerald-800/80">Nothing is outstanding right now.</p>
        </div>
      </section>
    );
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {totals.map((total) => (
        <section key={total.currency} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={`outstanding-${total.currency}`}>
          <p className="text-sm font-medium text-slate-500">Outstanding · {total.currency}</p>
          <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="outstanding-amount">
            {formatMoney({ amount: total.amountDue, currency: total.currency })}
          </p>
          <p className="mt-1 text-sm text-slate-500">
            {total.count} open {total.count === 1 ? 'invoice' : 'invoices'}
            {total.nextDueDate ? ` · next due ${formatDate(total.nextDueDate)}` : ''}
          </p>
          {total.overdueCount > 0 ? (
            <p className="mt-3 inline-flex items-center gap-1.5 rounded-md bg-rose-50 px-2 py-1 text-xs font-medium text-rose-700">
              {formatMoney({ amount: total.overdueAmount, currency: total.currency })} overdue ({total.overdueCount})
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
