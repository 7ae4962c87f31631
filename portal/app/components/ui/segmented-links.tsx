import { Link } from '@remix-run/react';

/** A row of mutually exclusive options as links (works without JavaScript), e.g. a chart's range. */
export function SegmentedLinks({ label, options }: { label: string; options: { to: string; label: string; active: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-lg bg-slate-100 p-0.5">
      {options.map((option) => (
        <Link
          key={option.to}
          to={option.to}
          preventScrollReset
          replace
          aria-current={option.active ? 'true' : undefined}
          className={`whitespace-nowrap rounded-md px-2.5 py-1 text-xs font-medium transition ${option.active ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
