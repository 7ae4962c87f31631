import type { TicketPriority } from '@monoliet/contract';
import { Link } from '@remix-run/react';
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '~/lib/format';
import { BarChart } from '../charts/bar-chart';
import { shortDay } from '../charts/scale';
import { PRIORITY_LABELS } from '../tickets/ticket-badges';
import { Badge } from '../ui/badge';
import { Card, EmptyState } from '../ui/card';
import { useQueryLink } from './list-controls';

// The priorities, most urgent first. Spelled out here rather than imported from the contract: a value import
// would pull zod and every schema into the dashboard's browser bundle for one list.
const URGENT_FIRST: TicketPriority[] = ['urgent', 'high', 'medium', 'low'];

const PRIORITY_COLORS: Record<TicketPriority, string> = { urgent: 'bg-rose-500', high: 'bg-amber-500', medium: 'bg-violet-500', low: 'bg-slate-400' };

/** Unresolved tickets per priority, most urgent first, each a link to that queue. */
export function OpenTicketsCard({ counts }: { counts: Record<TicketPriority, number> }) {
  const total = URGENT_FIRST.reduce((sum, p) => sum + counts[p], 0);
  const largest = Math.max(1, ...URGENT_FIRST.map((p) => counts[p]));
  return (
    <Card title="Open tickets" action={<span className="text-sm font-semibold tabular-nums text-slate-900" data-testid="open-tickets" data-value={total}>{total}</span>}>
      <ul className="space-y-2.5">
        {URGENT_FIRST.map((priority) => (
          <li key={priority}>
            <Link to={`/staff/tickets?status=open,in_progress&priority=${priority}`} className="group grid grid-cols-[4.5rem_1fr_2rem] items-center gap-3 text-sm">
              <span className="text-slate-600 group-hover:text-slate-900">{PRIORITY_LABELS[priority]}</span>
              <span className="h-2 rounded-full bg-slate-100">
                <span className={`block h-2 rounded-full ${PRIORITY_COLORS[priority]}`} style={{ width: `${(counts[priority] / largest) * 100}%` }} />
              </span>
              <span className="text-right font-medium tabular-nums text-slate-900" data-testid={`open-tickets-${priority}`}>
                {counts[priority]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

type Failing = { alertId: string; kind: string; message: string; count: number; openedAt: string; workflow: { id: string; name: string }; client: { id: string; companyName: string } | null };
const ALERT_LABELS: Record<string, string> = { error: 'Failing', stuck: 'Stuck run', missed: 'Missed schedule', failure_rate: 'Low success rate', no_runs: 'No runs' };

/** The open alerts: what is broken right now, and for whom. */
export function FailingWorkflowsCard({ rows, total }: { rows: Failing[]; total: number }) {
  return (
    <Card title="Workflows failing now" action={<Badge tone={total ? 'red' : 'green'}>{total} open {total === 1 ? 'alert' : 'alerts'}</Badge>}>
      {rows.length === 0 ? (
        <EmptyState title="Nothing is failing">Open alerts of the health and error checks appear here.</EmptyState>
      ) : (
        <ul className="-my-2 divide-y divide-slate-100" data-testid="failing-workflows">
          {rows.map((row) => (
            <li key={row.alertId} className="py-2.5">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{row.workflow.name}</p>
                  <p className="truncate text-xs text-slate-500">
                    {row.client ? (
                      <Link to={`/staff/clients/${row.client.id}`} className="hover:text-slate-900">
                        {row.client.companyName}
                      </Link>
                    ) : (
                      'Unassigned'
                    )}{' '}
                    · since {formatDateTime(row.openedAt)}
                  </p>
                  {row.message ? <p className="mt-0.5 line-clamp-2 text-xs text-rose-700">{row.message}</p> : null}
                </div>
                <span className="shrink-0 text-right">
                  <Badge tone="red">{ALERT_LABELS[row.kind] ?? row.kind}</Badge>
                  <span className="mt-1 block text-xs tabular-nums text-slate-500">×{row.count}</span>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type Runs = { days: number; series: { day: string; total: number; success: number; error: number }[]; totals: { total: number; success: number; error: number } };

/** Runs per day across all clients, successful and failed stacked, over 7 or 30 days. */
export function RunsCard({ runs }: { runs: Runs }) {
  const link = useQueryLink();
  const { total, success, error } = runs.totals;
  const points = runs.series.map((p) => ({ key: p.day, label: shortDay(p.day), values: { success: p.success, error: p.error, other: p.total - p.success - p.error } }));
  return (
    <Card
      title={`Runs, last ${runs.days} days`}
      action={
        <nav aria-label="Period" className="flex gap-1 text-xs">
          {[7, 30].map((days) => (
            <Link key={days} to={link({ runs: String(days) })} preventScrollReset aria-current={runs.days === days ? 'page' : undefined} className={`rounded px-2 py-1 font-medium ${runs.days === days ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}>
              {days} days
            </Link>
          ))}
        </nav>
      }
    >
      <dl className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <Fact label="Runs" value={formatNumber(total)} testId="runs-total" raw={total} />
        <Fact label="Failed" value={formatNumber(error)} testId="runs-failed" raw={error} />
        <Fact label="Success rate" value={formatPercent(total ? success / total : null)} />
      </dl>
      <BarChart
        points={points}
        series={[
          { key: 'success', label: 'Successful', color: '#10b981' },
          { key: 'error', label: 'Failed', color: '#f43f5e' },
          // canceled or still running: shown only when there are any
          ...(points.some((p) => p.values.other > 0) ? [{ key: 'other', label: 'Canceled or unfinished', color: '#cbd5e1' }] : []),
        ]}
        caption={`Runs per day, last ${runs.days} days`}
        formatValue={formatNumber}
        testId="runs-chart"
      />
    </Card>
  );
}

function Fact({ label, value, testId, raw }: { label: string; value: string; testId?: string; raw?: number }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-semibold tabular-nums text-slate-900" data-testid={testId} data-value={raw}>
        {value}
      </dd>
    </div>
  );
}

type Instance = { id: string; name: string; baseUrl: string; isActive: boolean; canSync: boolean; lastSyncAt: string | null; lastSyncStatus: string | null; lastSuccessAt: string | null; lagSeconds: number | null; lastError: string | null; runningSince: string | null };

/** Each n8n instance: when it was last synced, how old the portal's copy is, and the last error. */
export function InstancesCard({ instances }: { instances: Instance[] }) {
  return (
    <Card title="n8n instances">
      {instances.length === 0 ? (
        <EmptyState title="No n8n instance yet">Set N8N_URL and N8N_API_KEY, or report runs with the Monoliet node.</EmptyState>
      ) : (
        <ul className="-my-2 divide-y divide-slate-100" data-testid="instances">
          {instances.map((instance) => (
            <li key={instance.id} className="py-2.5">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{instance.name}</p>
                  <p className="truncate text-xs text-slate-500">{instance.baseUrl}</p>
                </div>
                <SyncBadge instance={instance} />
              </div>
              <p className="mt-1 text-xs text-slate-600">
                {instance.lastSyncAt ? `Last sync ${formatDateTime(instance.lastSyncAt)}` : 'Never synced'}
                {instance.lagSeconds !== null ? ` · data ${formatDuration(instance.lagSeconds * 1000)} old` : ''}
              </p>
              {instance.lastError ? <p className="mt-1 line-clamp-2 text-xs text-rose-700">{instance.lastError}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function SyncBadge({ instance }: { instance: Instance }) {
  if (!instance.isActive) return <Badge>Disabled</Badge>;
  if (!instance.canSync) return <Badge tone="blue">Push only</Badge>;
  if (instance.runningSince) return <Badge tone="amber">Syncing</Badge>;
  if (instance.lastSyncStatus === 'error') return <Badge tone="red">Sync failed</Badge>;
  if (instance.lastSyncStatus === 'ok') return <Badge tone="green">In sync</Badge>;
  return <Badge>Not synced yet</Badge>;
}
