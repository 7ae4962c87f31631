import type { JobQueue } from '@monoliet/contract';
import { Link } from '@remix-run/react';
import { formatNumber } from '~/lib/format';
import { DataTable } from '../ui/table';

export type QueueCounts = { queue: JobQueue; waiting: number; retrying: number; active: number; failed: number; deadLettered: number };

const figure = (value: number, alert = false) => <span className={value > 0 && alert ? 'font-semibold text-rose-700' : value === 0 ? 'text-slate-400' : ''}>{formatNumber(value)}</span>;

/** Every queue with its jobs per state; dead-lettered ones link to their list. */
export function QueueCountsTable({ counts }: { counts: QueueCounts[] }) {
  return (
    <DataTable
      caption="Job queues"
      rows={counts}
      rowKey={(row) => row.queue}
      columns={[
        { key: 'queue', header: 'Queue', cell: (row) => <span className="font-medium text-slate-900">{row.queue}</span> },
        { key: 'waiting', header: 'Waiting', align: 'right', cell: (row) => figure(row.waiting) },
        { key: 'active', header: 'Active', align: 'right', cell: (row) => figure(row.active) },
        { key: 'retrying', header: 'Retrying', align: 'right', cell: (row) => figure(row.retrying) },
        { key: 'failed', header: 'Failed', align: 'right', cell: (row) => figure(row.failed) },
        {
          key: 'dead',
          header: 'Dead-lettered',
          align: 'right',
          cell: (row) =>
            row.deadLettered > 0 ? (
              <Link to={`?queue=${row.queue}`} className="hover:underline" data-testid={`dead-${row.queue}`}>
                {figure(row.deadLettered, true)}
              </Link>
            ) : (
              <span data-testid={`dead-${row.queue}`}>{figure(0)}</span>
            ),
        },
      ]}
    />
  );
}
