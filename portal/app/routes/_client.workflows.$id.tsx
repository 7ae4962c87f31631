import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useNavigation } from '@remix-run/react';
import { RefreshIndicator, useAutoRefresh } from '~/components/auto-refresh';
import { ArrowLeftIcon } from '~/components/icons';
import { RunsChart } from '~/components/runs-chart';
import { RunFilters, RunsTable } from '~/components/workflow-runs';
import { Card } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { StatCard } from '~/components/ui/stat-card';
import { WorkflowStatusBadge } from '~/components/ui/status-badge';
import { loadForPage, requireClientCaller, requireIdParam } from '~/lib/client-page.server';
import { formatDateTime, formatDuration, formatHours, formatNumber, formatPercent } from '~/lib/format';
import { KPI_DAYS } from '~/lib/periods';
import { parseRunFilters } from '~/lib/run-filters';
import { getExecutionStats } from '~/services/execution-stats.server';
import { listExecutions } from '~/services/executions.server';
import { getWorkflow } from '~/services/workflows.server';

const REFRESH_SECONDS = 30;
const PAGE_SIZE = 25;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workflow.name} · Workflows` : 'Workflow' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const workflow = await loadForPage(getWorkflow({ caller, id: requireIdParam(params) }));
  const url = new URL(request.url);
  const filters = parseRunFilters(url.searchParams);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const [stats, runs] = await Promise.all([
    getExecutionStats({ caller, query: { days: KPI_DAYS, workflow: workflow.id } }),
    listExecutions({ caller, query: { workflow: workflow.id, limit: PAGE_SIZE, order: '-startedAt', cursor, ...filters.query } }),
  ]);
  return { workflow, stats, runs: runs.data, nextCursor: runs.nextCursor, hasPrevious: Boolean(cursor), filters: filters.form, refreshedAt: new Date().toISOString() };
}

export default function WorkflowPage() {
  const { workflow, stats, runs, nextCursor, hasPrevious, filters, refreshedAt } = useLoaderData<typeof loader>();
  const { live, refreshing } = useAutoRefresh(REFRESH_SECONDS);
  const navigation = useNavigation();
  const filtering = navigation.state === 'loading' && navigation.location.pathname === `/workflows/${workflow.id}`;
  return (
    <>
      <Link to="/workflows" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900">
        <ArrowLeftIcon /> All workflows
      </Link>
      <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{workflow.name || 'Untitled workflow'}</h1>
            <WorkflowStatusBadge workflow={workflow} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {workflow.lastRun ? `Last run ${formatDateTime(workflow.lastRun.startedAt)}` : 'No runs yet'}
            {workflow.minutesSavedPerRun > 0 ? ` · each successful run saves about ${formatNumber(workflow.minutesSavedPerRun)} min` : ''}
          </p>
        </div>
        <RefreshIndicator refreshedAt={refreshedAt} seconds={REFRESH_SECONDS} live={live} refreshing={refreshing} />
      </div>

      <section aria-label={`Last ${KPI_DAYS} days`} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard featured label="Hours saved" value={formatHours(stats.minutesSaved)} rawValue={stats.minutesSaved} testId="kpi-hours-saved" hint={`Last ${KPI_DAYS} days`} />
        <StatCard label="Runs" value={formatNumber(stats.total)} rawValue={stats.total} testId="kpi-runs" hint={`${formatNumber(stats.error)} failed`} />
        <StatCard label="Success rate" value={formatPercent(stats.successRate)} rawValue={stats.successRate} testId="kpi-success-rate" hint={`Last ${KPI_DAYS} days`} />
        <StatCard label="Typical duration" value={formatDuration(stats.avgDurationMs)} rawValue={stats.avgDurationMs} testId="kpi-duration" hint="Average per run" />
      </section>

      <Card className="mt-6" title={`Runs per day, last ${KPI_DAYS} days`}>
        <RunsChart series={stats.series} height={200} />
      </Card>

      <Card className="mt-6" title="Runs" action={<span className="text-xs text-slate-500">Newest first</span>}>
        <RunFilters filters={filters} />
        <div className={`mt-4 transition-opacity ${filtering ? 'opacity-50' : ''}`} aria-busy={filtering}>
          <RunsTable runs={runs} filtered={filters.active} />
        </div>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
