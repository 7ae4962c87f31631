import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

/** A headline figure of the staff dashboard; `value` carries the raw figure for tests and tooling (data-value). */
export function KpiCard({ label, figure, value, testId, detail, to, tone = 'default' }: { label: string; figure: ReactNode; value: string | number; testId: string; detail?: ReactNode; to?: string; tone?: 'default' | 'warning' | 'good' }) {
  const ring = tone === 'warning' ? 'border-rose-200 bg-rose-50/40' : tone === 'good' ? 'border-emerald-200 bg-emerald-50/40' : 'border-slate-200 bg-white';
  const body = (
    <>
      <p className="text-sm font-medium text-slate-500">{label}</p>
      <p className="mt-1.5 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={testId} data-value={value}>
        {figure}
      </p>
      {detail ? <div className="mt-1 text-xs text-slate-500">{detail}</div> : null}
    </>
  );
  const className = `block rounded-xl border p-4 shadow-sm ${ring}`;
  return to ? (
    <Link to={to} className={`${className} transition hover:border-slate-300 hover:shadow`}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}
