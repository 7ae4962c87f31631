import { TICKET_PRIORITIES, TicketListQuerySchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ConfirmDialog, SelectedList } from '~/components/staff/confirm-dialog';
import { BulkBar, FilterBar, filterInputClass, SortHeader, TabLinks } from '~/components/staff/list-controls';
import { selectColumn } from '~/components/staff/selection';
import { TicketPriorityBadge, TicketStatusBadge } from '~/components/tickets/ticket-badges';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { isConfirmed, readNotice, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, loadForPage } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { readBulkForm, readListQuery, requireStaffCaller } from '~/lib/staff-page.server';
import { listClientChoices } from '~/services/clients.server';
import { listAssignableStaff, resolveTickets } from '~/services/ticket-bulk.server';
import { countOpenTicketsByPriority, countTicketsByStatus, listTickets } from '~/services/tickets.server';

export const meta: MetaFunction = () => [{ title: 'Tickets' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const url = new URL(request.url);
  // the queue: unresolved tickets by default, the most recently active on top (built here, so the page's
  // browser code never loads the schemas)
  const schema = TicketListQuerySchema.extend({
    status: TicketListQuerySchema.shape.status.unwrap().default(['open', 'in_progress']),
    order: TicketListQuerySchema.shape.order.removeDefault().default('-updatedAt'),
    limit: TicketListQuerySchema.shape.limit.removeDefault().default(25),
  });
  const query = readListQuery({ request, schema });
  const [page, byStatus, byPriority, clients, staff] = await Promise.all([
    loadForPage(listTickets({ caller, query })),
    countTicketsByStatus(caller),
    countOpenTicketsByPriority(caller),
    listClientChoices(caller),
    listAssignableStaff(caller),
  ]);
  const clientNames = Object.fromEntries(clients.map((client) => [client.id, client.companyName]));
  return {
    ...page,
    clientNames,
    clients,
    staff,
    priorities: TICKET_PRIORITIES,
    byStatus,
    byPriority,
    filters: { status: url.searchParams.get('status') ?? 'open,in_progress', priority: url.searchParams.get('priority') ?? '', client: query.client ?? '', assignee: query.assignee ?? '', search: query.search ?? '', order: query.order },
    hasPrevious: Boolean(query.cursor),
    notice: readNotice(url.searchParams),
  };
}

type ActionResult = { confirm?: { ids: string[] }; error?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const { intent, ids } = readBulkForm(form);
  if (intent !== 'resolve') return data<ActionResult>({ error: 'Unknown action' }, { status: 400 });
  if (ids.length === 0) return data<ActionResult>({ error: 'Tick at least one ticket first.' }, { status: 400 });
  if (!isConfirmed(form)) return data<ActionResult>({ confirm: { ids } });
  try {
    const outcome = await resolveTickets({ caller, ids });
    return redirectWithNotice(request, { done: 'resolved', n: outcome.changed.length, skipped: outcome.skipped.length });
  } catch (error) {
    return data<ActionResult>({ error: (formErrorsFrom(error).form ?? ['The action failed'])[0] }, { status: 400 });
  }
}

export default function StaffTickets() {
  const { data: rows, nextCursor, hasPrevious, clientNames, clients, staff, priorities, byStatus, byPriority, filters, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const location = useLocation();
  return (
    <>
      <PageHeader
        title="Tickets"
        description={`${byPriority.urgent} urgent and ${byPriority.high} high-priority tickets are waiting.`}
      />
      <div className="mb-4 space-y-3">
        {notice?.done === 'resolved' ? (
          <Notice tone="success">
            {notice.n} ticket{notice.n === 1 ? '' : 's'} resolved; the clients were told by email.{notice.skipped > 0 ? ` ${notice.skipped} already resolved.` : ''}
          </Notice>
        ) : null}
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      </div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <TabLinks
          param="status"
          label="Status"
          current={filters.status}
          tabs={[
            { value: 'open,in_progress', label: 'Unresolved', count: byStatus.open + byStatus.in_progress },
            { value: 'open', label: 'Open', count: byStatus.open },
            { value: 'in_progress', label: 'In progress', count: byStatus.in_progress },
            { value: 'resolved', label: 'Resolved', count: byStatus.resolved },
          ]}
        />
        <FilterBar keep={{ status: filters.status, order: filters.order }} resetTo="/staff/tickets">
          <label className="text-xs font-medium text-slate-600">
            Search
            <input name="search" type="search" defaultValue={filters.search} placeholder="Words or #number" className={`${filterInputClass} w-44`} />
          </label>
          <label className="text-xs font-medium text-slate-600">
            Priority
            <select name="priority" defaultValue={filters.priority} className={filterInputClass}>
              <option value="">Any</option>
              <option value="urgent,high">Urgent and high</option>
              {priorities.map((priority) => (
                <option key={priority} value={priority}>
                  {priority[0]!.toUpperCase() + priority.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-600">
            Client
            <select name="client" defaultValue={filters.client} className={`${filterInputClass} w-44`}>
              <option value="">All clients</option>
              {clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.companyName}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-600">
            Assignee
            <select name="assignee" defaultValue={filters.assignee} className={`${filterInputClass} w-40`}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Unassigned</option>
              {staff.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </label>
        </FilterBar>
      </div>
      <Card>
        <Form method="post">
          <CsrfInput />
          <BulkBar noun="tickets">
            <SubmitButton intent="resolve" variant="secondary" size="sm" busyLabel="…">
              Resolve
            </SubmitButton>
          </BulkBar>
          <DataTable
            caption="Tickets"
            rows={rows}
            rowKey={(ticket) => ticket.id}
            empty={<EmptyState title="No tickets">Nothing in this part of the queue.</EmptyState>}
            columns={[
              selectColumn<(typeof rows)[number]>({ idOf: (ticket) => ticket.id, labelOf: (ticket) => `#${ticket.number}` }),
              {
                key: 'subject',
                header: <SortHeader label="Ticket" field="number" order={filters.order} />,
                cell: (ticket) => (
                  <div className="min-w-0">
                    <Link to={`/staff/tickets/${ticket.id}`} className="font-medium text-slate-900 hover:underline">
                      #{ticket.number} {ticket.subject}
                    </Link>
                    <p className="text-xs text-slate-500">{clientNames[ticket.clientId] ?? 'Unknown client'}{ticket.workflow ? ` · ${ticket.workflow.name}` : ''}</p>
                  </div>
                ),
              },
              { key: 'priority', header: 'Priority', cell: (ticket) => <TicketPriorityBadge priority={ticket.priority} /> },
              { key: 'status', header: 'Status', cell: (ticket) => <TicketStatusBadge status={ticket.status} /> },
              { key: 'assignee', header: 'Assignee', cell: (ticket) => ticket.assignee?.name ?? <span className="text-slate-400">Unassigned</span> },
              { key: 'updated', header: <SortHeader label="Last activity" field="updatedAt" order={filters.order} />, cell: (ticket) => <span className="whitespace-nowrap">{formatDateTime(ticket.updatedAt)}</span> },
            ]}
          />
        </Form>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
      {result?.confirm ? (
        <ConfirmDialog title="Resolve these tickets?" intent="resolve" fields={{ ids: result.confirm.ids }} confirmLabel="Resolve" busyLabel="Resolving…" cancelTo={`${location.pathname}${location.search}`}>
          <p>Each client is told by email that their ticket is resolved. A client reply reopens it.</p>
          <SelectedList items={result.confirm.ids.map((id) => { const ticket = rows.find((row) => row.id === id); return ticket ? `#${ticket.number} ${ticket.subject}` : id; })} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
