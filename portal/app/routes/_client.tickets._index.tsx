import { TICKET_PRIORITIES, TicketListQuerySchema, type TicketDto } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { PRIORITY_LABELS, TicketPriorityBadge, TicketStatusBadge } from '~/components/tickets/ticket-badges';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable, type Column } from '~/components/ui/table';
import { requireClientCaller } from '~/lib/client-page.server';
import { formatDate, formatDateTime } from '~/lib/format';
import { countTicketsByStatus, listTickets } from '~/services/tickets.server';

export const meta: MetaFunction = () => [{ title: 'Support tickets' }];

const PAGE_SIZE = 25;
const VIEWS = [
  { key: 'all', label: 'All', status: undefined },
  { key: 'open', label: 'Open', status: 'open,in_progress' },
  { key: 'resolved', label: 'Resolved', status: 'resolved' },
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const view = VIEWS.find((v) => v.key === params.view) ?? VIEWS[0];
  // a hand-edited URL with a bad filter shows the unfiltered list rather than an error
  const parsed = TicketListQuerySchema.safeParse({ search: params.search, priority: params.priority, cursor: params.cursor, status: view.status, limit: PAGE_SIZE, order: '-updatedAt' });
  const query = parsed.success ? parsed.data : TicketListQuerySchema.parse({ limit: PAGE_SIZE, order: '-updatedAt' });
  const [page, counts] = await Promise.all([listTickets({ caller, query }), countTicketsByStatus(caller)]);
  const filtered = Boolean(params.search || params.priority || view.key !== 'all');
  return { tickets: page.data, nextCursor: page.nextCursor, hasPrevious: Boolean(params.cursor), counts, view: view.key, filtered };
}

const COLUMNS: Column<TicketDto>[] = [
  {
    key: 'subject',
    header: 'Ticket',
    cell: (ticket) => (
      <div className="min-w-0">
        <Link to={`/tickets/${ticket.id}`} className="font-medium text-slate-900 hover:text-brand">
          <span className="text-slate-400">#{ticket.number}</span> {ticket.subject}
        </Link>
        {ticket.workflow ? <p className="mt-0.5 text-xs text-slate-500">About: {ticket.workflow.name}</p> : null}
      </div>
    ),
  },
  { key: 'status', header: 'Status', cell: (ticket) => <TicketStatusBadge status={ticket.status} /> },
  { key: 'priority', header: 'Priority', cell: (ticket) => <TicketPriorityBadge priority={ticket.priority} /> },
  { key: 'opened', header: 'Opened', cell: (ticket) => <span className="whitespace-nowrap">{formatDate(ticket.createdAt)}</span> },
  { key: 'activity', header: 'Last activity', cell: (ticket) => <span className="whitespace-nowrap text-slate-500">{formatDateTime(ticket.updatedAt)}</span> },
];

export default function TicketsPage() {
  const { tickets, nextCursor, hasPrevious, counts, view, filtered } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const searching = useNavigation().state === 'loading';
  const total = counts.open + counts.in_progress + counts.resolved;
  const tabCount = { all: total, open: counts.open + counts.in_progress, resolved: counts.resolved };
  const tabLink = (key: string) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    if (key === 'all') next.delete('view');
    else next.set('view', key);
    return `?${next}`;
  };
  return (
    <>
      <PageHeader
        title="Support tickets"
        description="Ask a question, report a problem or request a change. Our team answers here."
        actions={
          <Link to="/tickets/new" className={buttonClass()}>
            New ticket
          </Link>
        }
      />
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-100 pb-4">
          <nav aria-label="Ticket views" className="flex gap-1 rounded-lg bg-slate-100 p-1">
            {VIEWS.map((v) => (
              <Link key={v.key} to={tabLink(v.key)} aria-current={view === v.key ? 'page' : undefined} className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === v.key ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}>
                {v.label} <span className="ml-1 text-xs text-slate-400">{tabCount[v.key]}</span>
              </Link>
            ))}
          </nav>
          <Form method="get" className="flex flex-wrap items-center gap-2" aria-label="Filter tickets">
            {view !== 'all' ? <input type="hidden" name="view" value={view} /> : null}
            <label className="sr-only" htmlFor="ticket-search">
              Search
            </label>
            <input id="ticket-search" type="search" name="search" defaultValue={params.get('search') ?? ''} placeholder="Search or #number" className="w-48 rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand" />
            <label className="sr-only" htmlFor="ticket-priority">
              Priority
            </label>
            <select id="ticket-priority" name="priority" defaultValue={params.get('priority') ?? ''} className="rounded-md border-0 bg-white py-1.5 pl-3 pr-8 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand">
              <option value="">Any priority</option>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClass({ variant: 'secondary', size: 'sm' })} disabled={searching}>
              {searching ? 'Filtering…' : 'Filter'}
            </button>
          </Form>
        </div>
        <div className="pt-2">
          <DataTable
            caption="Support tickets"
            columns={COLUMNS}
            rows={tickets}
            rowKey={(t) => t.id}
            empty={
              <div className="pt-4">
                {filtered || total > 0 ? (
                  <EmptyState title="No tickets match" action={<Link to="/tickets" className={buttonClass({ variant: 'secondary', size: 'sm' })}>Show all tickets</Link>}>
                    Try another view or clear the search.
                  </EmptyState>
                ) : (
                  <EmptyState title="No tickets yet" action={<Link to="/tickets/new" className={buttonClass({ size: 'sm' })}>Open your first ticket</Link>}>
                    When something is not working or you need a change, open a ticket and our team will get back to you.
                  </EmptyState>
                )}
              </div>
            }
          />
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </div>
      </Card>
    </>
  );
}
