import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useNavigation } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { Sparkline } from '~/components/ui/sparkline';
import { WorkflowStatusBadge } from '~/components/ui/status-badge';
import { DataTable, type Column } from '~/components/ui/table';
import { requireClientCaller } from '~/lib/client-page.server';
import { formatDateTime, formatHours, formatNumber, formatPercent } from '~/lib/format';
import { KPI_DAYS } from '~/lib/periods';
import { getWorkflowTrends } from '~/services/execution-stats.server';
import { listWorkflows } from '~/services/workflows.server';

const PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  const page = await listWorkflows({ caller, query: { limit: PAGE_SIZE, order: 'name', cursor } });
  const trends = await getWorkflowTrends({ caller, workflowIds: page.data.map((w) => w.id), days: KPI_DAYS });
  return {
    workflows: page.data.map((workflow) => ({ ...workflow, trend: trends.get(workflow.id)! })),
    nextCursor: page.nextCursor,
    hasPrevious: Boolean(cursor),
  };
}

type Row = Awaited<ReturnType<typeof loader>>['workflows'][number];

const COLUMNS: Column<Row>[] = [
  {
    key: 'name',
    header: 'Workflow',
    cell: (w) => (
      <div className="min-w-48">
        <Link to={`/workflows/${w.id}`} className="font-medium text-slate-900 hover:text-brand hover:underline">
          {w.name || 'Untitled workflow'}
        </Link>
        <div className="mt-1">
          <WorkflowStatusBadge workflow={w} />
        </div>
      </div>
    ),
  },
  {
    key: 'lastRun',
    header: 'Last run',
    cell: (w) =>
      w.lastRun ? (
        <span className="whitespace-nowrap">
          {formatDateTime(w.lastRun.startedAt)}
          {w.lastRun.status === 'error' || w.lastRun.status === 'crashed' ? <span className="ml-1.5 text-xs font-medium text-rose-600">failed</span> : null}
        </span>
      ) : (
        <span className="text-slate-400">No runs yet</span>
      ),
  },
  {
    key: 'trend',
    header: `Runs per day (${KPI_DAYS} d)`,
    cell: (w) => <Sparkline points={w.trend.series} label={`${w.trend.figures.total} runs in ${KPI_DAYS} days, ${w.trend.figures.error} failed`} />,
  },
  { key: 'runs', header: 'Runs', align: 'right', cell: (w) => formatNumber(w.trend.figures.total) },
  {
    key: 'successRate',
    header: 'Success rate',
    align: 'right',
    cell: (w) => <SuccessRate rate={w.trend.figures.successRate} />,
  },
  { key: 'saved', header: 'Hours saved', align: 'right', cell: (w) => <span className="font-medium text-slate-900">{formatHours(w.trend.figures.minutesSaved)}</span> },
];

function SuccessRate({ rate }: { rate: number | null }) {
  const tone = rate === null ? 'text-slate-400' : rate >= 0.95 ? 'text-emerald-700' : rate >= 0.8 ? 'text-amber-700' : 'text-rose-700';
  return <span className={`font-medium ${tone}`}>{formatPercent(rate)}</span>;
}

export default function WorkflowsPage() {
  const { workflows, nextCursor, hasPrevious } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/workflows';
  return (
    <>
      <PageHeader title="Workflows" description={`Every automation we run for you, with the last ${KPI_DAYS} days at a glance.`} />
      <Card>
        <div className={`transition-opacity ${loading ? 'opacity-50' : ''}`} data-testid="workflow-list">
          <DataTable
            caption="Your workflows"
            columns={COLUMNS}
            rows={workflows}
            rowKey={(w) => w.id}
            empty={
              <EmptyState title="No automations yet">
                Once we connect your first workflow, you will see here when it ran, how reliably it works and how much time it saves you.
              </EmptyState>
            }
          />
        </div>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
