import type { SyncRunDto } from '@monoliet/contract';
import { useAutoRefresh } from '../auto-refresh';
import { Card, EmptyState } from '../ui/card';
import { DataTable } from '../ui/table';
import { formatDateTime, formatDuration, formatNumber } from '~/lib/format';
import { SyncStatusBadge } from './sync-status-badge';

const POLL_SECONDS = 1;

export function isSyncFinished(run: Pick<SyncRunDto, 'status'>): boolean {
  return run.status === 'ok' || run.status === 'error';
}

function durationOf(run: Pick<SyncRunDto, 'startedAt' | 'finishedAt'>): number | null {
  return run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null;
}

/** Reloads the page's data every second while mounted (only while a sync is under way). */
function PollWhileRunning() {
  useAutoRefresh(POLL_SECONDS);
  return null;
}

/** The progress of one sync run: its state and counts, refreshed every second until it finishes. */
export function SyncProgress({ run }: { run: SyncRunDto }) {
  const finished = isSyncFinished(run);
  const figures: [string, string, number][] = [
    ['Pages', 'sync-pages', run.pages],
    ['Executions seen', 'sync-executions', run.executionsSeen],
    ['Runs added', 'sync-inserted', run.runsInserted],
    ['Runs updated', 'sync-updated', run.runsUpdated],
    ['Workflows', 'sync-workflows', run.workflowsSynced],
  ];
  return (
    <Card title={finished ? 'Last sync' : 'Sync in progress'} action={<SyncStatusBadge status={run.status} />}>
      <div data-testid="sync-progress" data-status={run.status} aria-live="polite">
        {finished ? null : <PollWhileRunning />}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          {figures.map(([label, testId, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
                {formatNumber(value)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          {run.status === 'queued' ? 'Waiting for a worker to start it…' : null}
          {run.status === 'running' ? `Running since ${formatDateTime(run.startedAt)}; this page updates every second.` : null}
          {finished ? `Finished ${formatDateTime(run.finishedAt)} after ${formatDuration(durationOf(run))}.` : null}
        </p>
        {run.error ? <p className="mt-2 break-words text-sm text-rose-700">{run.error}</p> : null}
      </div>
    </Card>
  );
}

const TRIGGERS: Record<SyncRunDto['trigger'], string> = { manual: 'Sync now', schedule: 'Schedule', cli: 'CLI' };

/** The sync history of an instance, newest first. */
export function SyncHistory({ runs }: { runs: SyncRunDto[] }) {
  return (
    <DataTable
      caption="Sync history"
      rows={runs}
      rowKey={(run) => run.id}
      empty={<EmptyState title="Never synced">Press “Sync now” to fetch the workflows and runs of this instance.</EmptyState>}
      columns={[
        { key: 'started', header: 'Started', cell: (run) => <span className="whitespace-nowrap">{formatDateTime(run.startedAt)}</span> },
        { key: 'trigger', header: 'Trigger', cell: (run) => TRIGGERS[run.trigger] },
        { key: 'status', header: 'Status', cell: (run) => <SyncStatusBadge status={run.status} /> },
        { key: 'duration', header: 'Duration', align: 'right', cell: (run) => formatDuration(durationOf(run)) },
        { key: 'pages', header: 'Pages', align: 'right', cell: (run) => formatNumber(run.pages) },
        { key: 'seen', header: 'Executions', align: 'right', cell: (run) => formatNumber(run.executionsSeen) },
        { key: 'new', header: 'Added / updated', align: 'right', cell: (run) => `${formatNumber(run.runsInserted)} / ${formatNumber(run.runsUpdated)}` },
        { key: 'error', header: 'Error', className: 'w-full', cell: (run) => (run.error ? <span className="line-clamp-2 break-words text-rose-700">{run.error}</span> : <span className="text-slate-400">—</span>) },
      ]}
    />
  );
}
