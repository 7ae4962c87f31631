import { Form, Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { buttonClass } from '../ui/button';

export const filterInputClass = 'mt-1 block h-8 w-full rounded-md border-0 bg-white px-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand';

/** The current URL with some query parameters changed (null removes one); paging restarts. */
export function useQueryLink() {
  const location = useLocation();
  return (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(location.search);
    params.delete('cursor');
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) params.delete(name);
      else params.set(name, value);
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
}

export type Tab = { value: string | null; label: string; count?: number };

/** Tabs that set one query parameter (null: not set), with an optional count each. */
export function TabLinks({ param, tabs, current, label }: { param: string; tabs: Tab[]; current: string | null; label: string }) {
  const link = useQueryLink();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {tabs.map((tab) => {
        const active = tab.value === current;
        return (
          <Link
            key={tab.value ?? 'all'}
            to={link({ [param]: tab.value })}
            aria-current={active ? 'page' : undefined}
            className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
          >
            {tab.label}
            {tab.count !== undefined ? (
              <span className={`rounded-full px-1.5 text-xs tabular-nums ${active ? 'bg-slate-100 text-slate-700' : 'bg-slate-200/70 text-slate-600'}`} data-testid={`count-${tab.value ?? 'all'}`}>
                {tab.count}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * A GET form of filters: everything lands in the URL, so a filtered list can be bookmarked and works without
 * JavaScript. `keep` carries parameters set elsewhere (the tabs) through a new search.
 */
export function FilterBar({ children, keep = {}, resetTo }: { children: ReactNode; keep?: Record<string, string | null>; resetTo: string }) {
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
      <button type="submit" className={`h-8 ${buttonClass({ variant: 'secondary', size: 'sm' })}`}>
        Apply
      </button>
      <Link to={resetTo} className="h-8 px-1 text-sm font-medium leading-8 text-slate-500 hover:text-slate-900">
        Reset
      </Link>
    </Form>
  );
}

/** A column header that sorts by `field` (ascending first, then descending), keeping the filters. */
export function SortHeader({ label, field, order }: { label: string; field: string; order: string }) {
  const link = useQueryLink();
  const ascending = order === field;
  const descending = order === `-${field}`;
  const next = ascending ? `-${field}` : field;
  return (
    <Link to={link({ order: next })} className="inline-flex items-center gap-1 hover:text-slate-900" aria-label={`Sort by ${label.toLowerCase()}${ascending ? ', descending' : ''}`}>
      {label}
      <span aria-hidden className={ascending || descending ? 'text-slate-700' : 'text-slate-300'}>
        {descending ? '↓' : ascending ? '↑' : '↕'}
      </span>
    </Link>
  );
}

/** The bar above a list with bulk actions: the buttons submit the bulk form they sit in. */
export function BulkBar({ children, noun }: { children: ReactNode; noun: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 bg-slate-50/60 px-4 py-2 text-xs text-slate-600">
      <span className="mr-1 font-medium">With the selected {noun}:</span>
      {children}
    </div>
  );
}
