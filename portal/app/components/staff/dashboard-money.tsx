import { formatDate } from '~/lib/format';
import { formatMoney } from '~/lib/money';
import { BarChart } from '../charts/bar-chart';
import { shortMonth } from '../charts/scale';
import { Card } from '../ui/card';
import { KpiCard } from './kpi-card';

type Amount = { currency: string; amount: string };
type Point = { month: string; at: string; amounts: Amount[] };
type Outstanding = { currency: string; amountDue: string; count: number; overdueAmount: string; overdueCount: number };


/** MRR per currency (the first is the largest), and the number of active clients. */
export function MrrKpi({ current, activeClients }: { current: Amount[]; activeClients: number }) {
  const [main, ...others] = current.length ? current : [{ currency: 'EUR', amount: '0.00' }];
  return (
    <KpiCard
      label="MRR"
      testId={`mrr-${main!.currency}`}
      value={main!.amount}
      figure={formatMoney({ amount: main!.amount, currency: main!.currency })}
      to="/staff/clients?status=active"
      detail={
        <>
          {activeClients} active {activeClients === 1 ? 'client' : 'clients'}; yearly fees ÷ 12
          {others.map((other) => (
            <span key={other.currency} className="block font-medium text-slate-700" data-testid={`mrr-${other.currency}`} data-value={other.amount}>
              + {formatMoney({ amount: other.amount, currency: other.currency })}
            </span>
          ))}
        </>
      }
    />
  );
}

export function OutstandingKpis({ totals }: { totals: Outstanding[] }) {
  if (totals.length === 0) {
    return (
      <>
        <KpiCard label="Outstanding" testId="outstanding-none" value="0" figure="Nothing" detail="every invoice is paid" to="/staff/invoices?show=open" tone="good" />
        <KpiCard label="Overdue" testId="overdue-none" value="0" figure="Nothing" detail="no invoice past its due date" to="/staff/invoices?show=overdue" tone="good" />
      </>
    );
  }
  return (
    <>
      <KpiCard
        label="Outstanding"
        testId={`outstanding-${totals[0]!.currency}`}
        value={totals[0]!.amountDue}
        figure={formatMoney({ amount: totals[0]!.amountDue, currency: totals[0]!.currency })}
        to="/staff/invoices?show=open"
        detail={<MoreCurrencies totals={totals} pick={(t) => ({ amount: t.amountDue, count: t.count })} prefix="outstanding" />}
      />
      <KpiCard
        label="Overdue"
        testId={`overdue-${totals[0]!.currency}`}
        value={totals[0]!.overdueAmount}
        figure={formatMoney({ amount: totals[0]!.overdueAmount, currency: totals[0]!.currency })}
        to="/staff/invoices?show=overdue"
        tone={totals.some((t) => t.overdueCount > 0) ? 'warning' : 'default'}
        detail={<MoreCurrencies totals={totals} pick={(t) => ({ amount: t.overdueAmount, count: t.overdueCount })} prefix="overdue" />}
      />
    </>
  );
}

function MoreCurrencies({ totals, pick, prefix }: { totals: Outstanding[]; pick: (t: Outstanding) => { amount: string; count: number }; prefix: string }) {
  const [first, ...others] = totals;
  const head = pick(first!);
  return (
    <>
      {head.count} {head.count === 1 ? 'invoice' : 'invoices'}
      {others.map((other) => (
        <span key={other.currency} className="block font-medium text-slate-700" data-testid={`${prefix}-${other.currency}`} data-value={pick(other).amount}>
          + {formatMoney({ amount: pick(other).amount, currency: other.currency })} ({pick(other).count})
        </span>
      ))}
    </>
  );
}

/** The MRR at each month end of the last year, in the main currency. */
export function MrrTrendCard({ trend, currency }: { trend: Point[]; currency: string }) {
  const points = trend.map((point) => ({
    key: point.month,
    label: shortMonth(point.at),
    values: { mrr: Number(point.amounts.find((a) => a.currency === currency)?.amount ?? 0) },
  }));
  return (
    <Card title={`MRR, last 12 months (${currency})`} action={<span className="text-xs text-slate-500">month ends; this month: today, {formatDate(trend.at(-1)!.at)}</span>}>
      <BarChart points={points} series={[{ key: 'mrr', label: 'MRR', color: 'var(--brand-color)' }]} caption={`MRR in ${currency} at each month end`} formatValue={(value) => formatMoney({ amount: value, currency })} wantedLabels={12} testId="mrr-trend" />
      <p className="mt-3 text-xs text-slate-500">
        Derived from each client&apos;s start, churn date and current fee: paused clients and past fee changes are not in the history.
      </p>
    </Card>
  );
}
