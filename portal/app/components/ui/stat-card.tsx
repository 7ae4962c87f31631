import type { ReactNode } from 'react';
import type { Change } from '~/lib/change';

const CHANGE_TONES = { good: 'text-emerald-700 bg-emerald-50', bad: 'text-rose-700 bg-rose-50', neutral: 'text-slate-600 bg-slate-100' } as const;
const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/** A headline number with its label, an optional change against the previous period, and a hint. */
export function StatCard({
  label,
  value,
  rawValue,
  testId,
  change,
  changeSuffix = 'vs previous 30 days',
  hint,
  detail,
  icon,
  featured = false,
}: {
  label: string;
  value: string;
  /** the unformatted value, for tests and tooling (data-value) */
  rawValue?: number | null;
  testId?: string;
  change?: Change | null;
  changeSuffix?: string;
  hint?: ReactNode;
  /** a second line under the value, e.g. "about 57 working days" */
  detail?: ReactNode;
  icon?: ReactNode;
  /** the figure that matters most on the page (hours saved): drawn in the agency's colour */
  featured?: boolean;
}) {
  return (
    <div className={`relative overflow-hidden rounded-xl border p-5 shadow-sm ${featured ? 'border-brand/30 bg-brand/5' : 'border-slate-200 bg-white'}`}>
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm font-medium text-slate-600">{label}</p>
        {icon ? <span className={`grid h-8 w-8 shrink-0 place-items-center rounded-lg ${featured ? 'bg-brand text-white' : 'bg-slate-100 text-slate-500'}`}>{icon}</span> : null}
      </div>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={testId} data-value={rawValue ?? ''}>
        {value}
      </p>
      {detail ? <p className="mt-0.5 text-sm text-slate-600">{detail}</p> : null}
      <div className="mt-2 flex min-h-5 flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        {change ? (
          <span className={`inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 font-medium ${CHANGE_TONES[change.tone]}`} data-testid={testId ? `${testId}-change` : undefined}>
            <span aria-hidden="true">{ARROWS[change.direction]}</span>
            {change.label}
          </span>
        ) : null}
        {change ? <span className="text-slate-500">{changeSuffix}</span> : hint ? <span className="text-slate-500">{hint}</span> : null}
      </div>
    </div>
  );
}
