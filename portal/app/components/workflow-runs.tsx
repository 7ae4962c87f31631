import type { ExecutionRunDto } from '@monoliet/contract';
import { Form, Link, useLocation } from '@remix-run/react';
import { formatDateTime, formatDuration } from '~/lib/format';
import { RUN_STATUS_FILTERS, type RunFilterForm } from '~/lib/run-filters';
import { buttonClass } from './ui/button';
import { EmptyState } from './ui/card';
import { Field } from './ui/field';
import { RunStatusBadge } from './ui/status-badge';
import { DataTable, type Column } from './ui/table';

/** Status and date filters of a workflow's runs: a plain GET form, so it works before (and without) JavaScript. */
export function RunFilters({ filters }: { filters: RunFilterForm }) {
  const { pathname } = useLocation();
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter runs" preventScrollReset>
      <div>
        <label htmlFor="run-status" className="block text-sm font-medium text-slate-700">
          Status
        </label>
        <select
          id="run-status"
          name="status"
          defaultValue={filters.status}
          className="mt-1.5 block rounded-md border-0 py-2 pl-3 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand"
        >
          {Object.entries(RUN_STATUS_FILTERS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Field label="From" name="from" type="date" defaultValue={filters.from} error={filters.errors.from} className="w-44" />
      <Field label="To" name="to" type="date" defaultValue={filters.to} error={filters.errors.to} className="w-44" />
      <div className="flex gap-2 pb-px">
        <button type="submit" className={buttonClass({ variant: 'secondary' })}>
          Apply
        </button>
        {filters.active ? (
          <Link to={pathname} className={buttonClass({ variant: 'ghost' })} preventScrollReset>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

const COLUMNS: Column<ExecutionRunDto>[] = [
  { key: 'status', header: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
  {
    key: 'started',
    header: 'Started',
    cell: (run) => (
      <time dateTime={run.startedAt} className="whitespace-nowrap">
        {formatDateTime(run.startedAt)}
      </time>
    ),
  },
  { key: 'duration', header: 'Duration', align: 'right', cell: (run) => formatDuration(run.durationMs) },
  { key: 'details', header: 'What happened', cell: (run) => <RunDetails run={run} />, className: 'w-full' },
];

function RunDetails({ run }: { run: ExecutionRunDto }) {
  if (!run.errorMessage && !run.errorNode) return <span className="text-slate-400">{run.status === 'success' ? 'Completed' : '—'}</span>;
  const node = run.errorNode ? <span className="text-xs text-slate-500">in step “{run.errorNode}”</span> : null;
  const message = run.errorMessage ?? 'No error message';
  if (message.length <= 140) {
    return (
      <div className="max-w-2xl">
        <p className="break-words text-rose-700">{message}</p>
        {node}
      </div>
    );
  }
  return (
    <details className="max-w-2xl">
      <summary className="cursor-pointer break-words text-rose-700">{message.slice(0, 140)}…</summary>
      <p className="mt-1 whitespace-pre-wrap break-words text-rose-700">{message}</p>
      {node}
    </details>
  );
}

export function RunsTable({ runs, filtered }: { runs: ExecutionRunDto[]; filtered: boolean }) {
  if (runs.length === 0) {
    return (
      <EmptyState title={filtered ? 'No runs match these filters' : 'No runs yet'}>
        {filtered ? 'Try another status or a wider date range.' : 'Runs show up here a few seconds after the workflow runs.'}
      </EmptyState>
    );
  }
  return (
    <>
      {/* phones: one card per run, the error under its status and time */}
      <ul className="divide-y divide-slate-100 sm:hidden" aria-label="Runs of this workflow">
        {runs.map((run) => (
          <li key={run.id} className="py-3 text-sm">
            <div className="flex items-center justify-between gap-3">
              <RunStatusBadge status={run.status} />
              <span className="text-xs text-slate-500">{formatDuration(run.durationMs)}</span>
            </div>
            <p className="mt-1 text-slate-700">{formatDateTime(run.startedAt)}</p>
            {run.errorMessage || run.errorNode ? (
              <div className="mt-1">
                <RunDetails run={run} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <DataTable caption="Runs of this workflow" columns={COLUMNS} rows={runs} rowKey={(run) => run.id} />
      </div>
    </>
  );
}
