import { INVOICE_TYPES } from '@monoliet/contract';
import { Form, Link, useLocation } from '@remix-run/react';
import { INVOICE_TABS, type InvoiceFilters } from '~/lib/invoice-filters';
import { INVOICE_TYPE_LABELS } from '~/lib/invoice-labels';
import { buttonClass } from '../ui/button';

const inputClass = 'mt-1 block h-8 w-full rounded-md border-0 bg-white px-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand';

/** Status tabs, then type and issue dates; all of it in the URL, so it works without JavaScript. */
export function InvoiceFilterBar({ filters }: { filters: InvoiceFilters }) {
  const location = useLocation();
  const tabLink = (show: string) => {
    const params = new URLSearchParams(location.search);
    params.delete('cursor');
    if (show === 'all') params.delete('show');
    else params.set('show', show);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  return (
    <div className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-100 px-5 pb-4 pt-4">
      <nav aria-label="Invoice status" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {INVOICE_TABS.map((tab) => (
          <Link
            key={tab.key}
            to={tabLink(tab.key)}
            aria-current={filters.show === tab.key ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${filters.show === tab.key ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        {filters.show !== 'all' ? <input type="hidden" name="show" value={filters.show} /> : null}
        <label className="text-xs font-medium text-slate-600">
          Type
          <select name="type" defaultValue={filters.type ?? ''} className={inputClass}>
            <option value="">All types</option>
            {INVOICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {INVOICE_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Issued from
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={inputClass} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          to
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={inputClass} />
        </label>
        <button type="submit" className={`h-8 ${buttonClass({ variant: 'secondary', size: 'sm' })}`}>
          Apply
        </button>
      </Form>
    </div>
  );
}
