import { Link } from '@remix-run/react';
import type { CredentialDto, InvoiceSummaryDto, TicketDto } from '@monoliet/contract';
import { CredentialStatusBadge } from '../credentials/credential-status-badge';
import { InvoiceStatusBadge } from '../invoices/invoice-status-badge';
import { TicketPriorityBadge, TicketStatusBadge } from '../tickets/ticket-badges';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { DataTable } from '../ui/table';
import { formatDate, formatDateTime, formatNumber } from '~/lib/format';
import { formatMoney } from '~/lib/money';

// The related records on a client's staff page, each a compact list linking to its own staff page.

type WorkflowRow = { id: string; name: string; status: 'active' | 'paused' | 'error'; active: boolean; archived: boolean; runs30: number; errors30: number; lastRunAt: string | null };
type Member = { id: string; name: string; email: string; role: 'owner' | 'member'; isActive: boolean; lastLoginAt: string | null };
type TimelineEntry = { id: string; at: string; kind: 'ticket' | 'invoice' | 'alert'; title: string; detail: string | null; href: string | null; tone: 'gray' | 'blue' | 'green' | 'red' | 'amber' | 'violet' };

const none = (text: string) => <p className="text-sm text-slate-500">{text}</p>;

export function WorkflowsCard({ rows }: { rows: WorkflowRow[] }) {
  return (
    <Card title={`Workflows (${rows.length})`}>
      {rows.length === 0
        ? none('No workflows are assigned to this client yet.')
        : (
          <DataTable
            caption="Workflows"
            rows={rows}
            rowKey={(row) => row.id}
            columns={[
              { key: 'name', header: 'Workflow', cell: (row) => <span className={row.archived ? 'text-slate-400 line-through' : 'font-medium text-slate-900'}>{row.name}</span> },
              { key: 'state', header: 'State', cell: (row) => (row.archived ? <Badge>Archived</Badge> : row.status === 'error' ? <Badge tone="red">Failing</Badge> : row.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>) },
              { key: 'runs', header: 'Runs (30 d)', align: 'right', cell: (row) => formatNumber(row.runs30) },
              { key: 'errors', header: 'Failed', align: 'right', cell: (row) => (row.errors30 > 0 ? <span className="text-rose-600">{formatNumber(row.errors30)}</span> : '0') },
              { key: 'last', header: 'Last run', cell: (row) => (row.lastRunAt ? formatDateTime(row.lastRunAt) : '—') },
            ]}
          />
        )}
    </Card>
  );
}

export function InvoicesCard({ clientId, rows, more }: { clientId: string; rows: InvoiceSummaryDto[]; more: boolean }) {
  return (
    <Card
      title="Invoices"
      action={
        <Link to={`/staff/invoices/new?client=${clientId}`} className="text-sm font-medium text-brand hover:underline">
          New invoice
        </Link>
      }
    >
      {rows.length === 0
        ? none('No invoices yet.')
        : (
          <DataTable
            caption="Invoices"
            rows={rows}
            rowKey={(row) => row.id}
            columns={[
              { key: 'number', header: 'Number', cell: (row) => <Link to={`/staff/invoices/${row.id}`} className="font-medium text-slate-900 hover:underline">{row.number}</Link> },
              { key: 'status', header: 'Status', cell: (row) => <InvoiceStatusBadge invoice={row} /> },
              { key: 'issued', header: 'Issued', cell: (row) => formatDate(row.issueDate) },
              { key: 'due', header: 'Due', cell: (row) => formatDate(row.dueDate) },
              { key: 'total', header: 'Total', align: 'right', cell: (row) => formatMoney({ amount: row.total, currency: row.currency }) },
            ]}
          />
        )}
      {more ? <Link to={`/staff/invoices?client=${clientId}`} className="mt-3 inline-block text-sm font-medium text-brand hover:underline">All invoices of this client →</Link> : null}
    </Card>
  );
}

export function TicketsCard({ clientId, rows, more }: { clientId: string; rows: TicketDto[]; more: boolean }) {
  return (
    <Card title="Tickets">
      {rows.length === 0
        ? none('No tickets.')
        : (
          <ul className="divide-y divide-slate-100">
            {rows.map((ticket) => (
              <li key={ticket.id} className="flex items-center justify-between gap-3 py-2">
                <Link to={`/staff/tickets/${ticket.id}`} className="min-w-0 truncate text-sm font-medium text-slate-900 hover:underline">
                  #{ticket.number} {ticket.subject}
                </Link>
                <span className="flex shrink-0 gap-1.5">
                  <TicketPriorityBadge priority={ticket.priority} />
                  <TicketStatusBadge status={ticket.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      {more ? <Link to={`/staff/tickets?client=${clientId}`} className="mt-3 inline-block text-sm font-medium text-brand hover:underline">All tickets of this client →</Link> : null}
    </Card>
  );
}

export function CredentialsCard({ rows }: { rows: CredentialDto[] }) {
  return (
    <Card title="Credentials">
      {rows.length === 0
        ? none('The client has not handed over any credentials.')
        : (
          <ul className="divide-y divide-slate-100">
            {rows.map((credential) => (
              <li key={credential.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <Link to={`/staff/credentials/${credential.id}`} className="min-w-0 truncate font-medium text-slate-900 hover:underline">
                  {credential.serviceName} <span className="font-normal text-slate-500">{credential.hint}</span>
                </Link>
                <CredentialStatusBadge status={credential.status} />
              </li>
            ))}
          </ul>
        )}
    </Card>
  );
}

export function MembersCard({ rows }: { rows: Member[] }) {
  return (
    <Card title="Portal users">
      {rows.length === 0
        ? none('Nobody of this client can sign in yet; add a user on the Users page.')
        : (
          <ul className="divide-y divide-slate-100">
            {rows.map((member) => (
              <li key={member.id} className="py-2 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium text-slate-900">{member.name || member.email}</span>
                  <span className="flex gap-1.5">
                    <Badge tone={member.role === 'owner' ? 'violet' : 'gray'}>{member.role === 'owner' ? 'Owner' : 'Member'}</Badge>
                    {member.isActive ? null : <Badge tone="red">Deactivated</Badge>}
                  </span>
                </div>
                <p className="text-xs text-slate-500">
                  {member.email} · {member.lastLoginAt ? `last sign-in ${formatDateTime(member.lastLoginAt)}` : 'never signed in'}
                </p>
              </li>
            ))}
          </ul>
        )}
    </Card>
  );
}

const DOTS = { gray: 'bg-slate-400', blue: 'bg-sky-500', green: 'bg-emerald-500', red: 'bg-rose-500', amber: 'bg-amber-500', violet: 'bg-violet-500' } as const;

export function TimelineCard({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card title="Timeline">
      {entries.length === 0
        ? none('Nothing has happened yet.')
        : (
          <ol className="space-y-4" data-testid="client-timeline">
            {entries.map((entry) => (
              <li key={entry.id} className="flex gap-3">
                <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${DOTS[entry.tone]}`} />
                <div className="min-w-0 text-sm">
                  {entry.href ? (
                    <Link to={entry.href} className="font-medium text-slate-900 hover:underline">
                      {entry.title}
                    </Link>
                  ) : (
                    <p className="font-medium text-slate-900">{entry.title}</p>
                  )}
                  {entry.detail ? <p className="truncate text-slate-500">{entry.detail}</p> : null}
                  <p className="text-xs text-slate-400">{formatDateTime(entry.at)}</p>
                </div>
              </li>
            ))}
          </ol>
        )}
    </Card>
  );
}
