import type { ExecutionRunDto } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PageHeader } from '~/components/app-shell';
import { FilterSelect } from '~/components/staff/filter-select';
import { FilterBar, filterInputClass } from '~/components/staff/list-controls';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { RunStatusBadge } from '~/components/ui/status-badge';
import { DataTable } from '~/components/ui/table';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime, formatDuration } from '~/lib/format';
import { parseRunFilters, RUN_STATUS_FILTERS } from '~/lib/run-filters';
import { loadClientOptions, loadWorkflowOptions } from '~/lib/staff-options.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listExecutions } from '~/services/executions.server';

export const meta: MetaFunction = () => [{ title: 'Executions · Staff' }];

const PAGE_SIZE = 50;
const uuidOrNull = (value: string | null) => z.uuid().safeParse(value).data ?? null;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const client = uuidOrNull(params.get('client'));
  const workflow = uuidOrNull(params.get('workflow'));
  const filters = parseRunFilters(params);
  const cursor = params.get('cursor') ?? undefined;
  const [page, clients, workflows] = await Promise.all([
    loadForPage(listExecutions({ caller, query: { limit: PAGE_SIZE, order: '-startedAt', cursor, client: client ?? undefined, workflow: workflow ?? undefined, ...filters.query } })),
    loadClientOptions(caller),
    // with a client chosen, only its workflows are offered
    loadWorkflowOptions({ caller, clientId: client ?? undefined }),
  ]);
  const clientNames = Object.fromEntries(clients.map((option) => [option.value, option.label]));
  return { ...page, client, workflow, filters: filters.form, clients, workflows, clientNames, hasPrevious: Boolean(cursor) };
}

export default function StaffExecutions() {
  const { data, nextCursor, hasPrevious, client, workflow, filters, clients, workflows, clientNames } = useLoaderData<typeof loader>();
  const filtered = filters.active || Boolean(client || workflow);
  return (
    <>
      <PageHeader title="Executions" description="Every run of every workflow, across all clients, newest first. Open a run for its error details." />
      <Card>
        <FilterBar resetTo="/staff/executions">
          <FilterSelect label="Client" name="client" value={client} options={clients} />
          <FilterSelect label="Workflow" name="workflow" value={workflow} options={workflows} className="w-64" />
          <label className="text-xs font-medium text-slate-600">
            Status
            <select name="status" defaultValue={filters.status} className={`${filterInputClass} w-44`}>
              {Object.entries(RUN_STATUS_FILTERS).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <DateFilter label="From" name="from" value={filters.from} error={filters.errors.from} />
          <DateFilter label="To" name="to" value={filters.to} error={filters.errors.to} />
        </FilterBar>
        <div className="mt-4">
          <DataTable<ExecutionRunDto>
            caption="Executions"
            rows={data}
            rowKey={(run) => run.id}
            empty={<EmptyState title={filtered ? 'No runs match these filters' : 'No runs yet'}>{filtered ? 'Try another status, client or a wider date range.' : 'Runs appear once n8n reports them or a sync fetches them.'}</EmptyState>}
            columns={[
              { key: 'status', header: 'Status', cell: (run) => <RunStatusBadge status={run.status} /> },
              {
                key: 'workflow',
                header: 'Workflow',
                cell: (run) => (
                  <Link to={`/staff/workflows/${run.workflow.id}`} className="font-medium text-slate-900 hover:underline">
                    {run.workflow.name || 'Untitled workflow'}
                  </Link>
                ),
              },
              { key: 'client', header: 'Client', cell: (run) => (run.clientId ? (clientNames[run.clientId] ?? '—') : <span className="text-amber-700">Unassigned</span>) },
              {
                key: 'started',
                header: 'Started',
                cell: (run) => (
                  <Link to={`/staff/executions/${run.id}`} className="whitespace-nowrap hover:underline" aria-label={`Run ${run.n8nExecutionId}, started ${formatDateTime(run.startedAt)}`}>
                    {formatDateTime(run.startedAt)}
                  </Link>
                ),
              },
              { key: 'duration', header: 'Duration', align: 'right', cell: (run) => formatDuration(run.durationMs) },
              {
                key: 'error',
                header: 'Error',
                className: 'w-full',
                cell: (run) => (run.errorMessage ? <p className="line-clamp-2 max-w-md break-words text-rose-700">{run.errorMessage}</p> : <span className="text-slate-400">—</span>),
              },
            ]}
          />
        </div>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}

function DateFilter({ label, name, value, error }: { label: string; name: string; value: string; error?: string }) {
  return (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <input type="date" name={name} defaultValue={value} aria-invalid={error ? true : undefined} className={`${filterInputClass} w-40 ${error ? 'ring-rose-400' : ''}`} />
      {error ? <span className="mt-1 block text-rose-600">{error}</span> : null}
    </label>
  );
}
