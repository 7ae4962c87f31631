import { AuditListQuerySchema, isoDate, type AuditEntryDto } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { AuditMetadata } from '~/components/staff/audit-metadata';
import { FilterBar, filterInputClass } from '~/components/staff/list-controls';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable, type Column } from '~/components/ui/table';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listAuditLog } from '~/services/audit-log.server';
import { listClientOptions, listUserOptions } from '~/services/staff-options.server';

export const meta: MetaFunction = () => [{ title: 'Audit log' }];

const ACTION_HINTS = ['auth.', 'auth.sign_in_failed', 'user.', 'token.', 'settings.update', 'credential.reveal', 'webhook.', 'invoice.', 'client.', 'workflow.'];

/** The page's filters: the dates are whole days (UTC), "to" included. A filter that makes no sense is the 400 page. */
function readAuditFilters(params: URLSearchParams) {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const day = (name: string) => {
    const value = text(name);
    if (value && !isoDate.safeParse(value).success) throw new Response(`"${name}" is not a date`, { status: 400 });
    return value;
  };
  const from = day('from');
  const to = day('to');
  const until = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : undefined;
  const parsed = AuditListQuerySchema.safeParse({ actor: text('actor'), action: text('action'), client: text('client'), since: from ? `${from}T00:00:00.000Z` : undefined, until, cursor: text('cursor'), limit: 50 });
  if (!parsed.success) throw new Response('The audit log cannot be filtered like that: check the filters', { status: 400 });
  return { query: parsed.data, filters: { actor: text('actor') ?? '', action: text('action') ?? '', client: text('client') ?? '', from: from ?? '', to: to ?? '' } };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const { query, filters } = readAuditFilters(new URL(request.url).searchParams);
  const [page, users, clients] = await Promise.all([loadForPage(listAuditLog({ caller, query })), listUserOptions(caller), listClientOptions(caller)]);
  return { ...page, users, clients, filters, hasPrevious: Boolean(query.cursor) };
}

export default function StaffAudit() {
  const { data, nextCursor, hasPrevious, users, clients, filters } = useLoaderData<typeof loader>();
  const clientName = new Map(clients.map((c) => [c.value, c.label]));
  const columns: Column<AuditEntryDto>[] = [
    { key: 'at', header: 'When (UTC)', cell: (e) => <span className="whitespace-nowrap text-slate-500">{formatDateTime(e.at)}</span> },
    { key: 'actor', header: 'Who', cell: (e) => (e.actorId ? <Link to={`/staff/users/${e.actorId}`} className="hover:text-brand">{e.actorLabel}</Link> : e.actorLabel || 'the system') },
    { key: 'action', header: 'Action', cell: (e) => <code className="text-xs font-medium text-slate-900">{e.action}</code> },
    { key: 'target', header: 'Target', cell: (e) => (e.targetType ? <span className="text-xs">{e.targetType} <span className="text-slate-400">{e.targetId?.slice(0, 8)}</span></span> : '—') },
    { key: 'client', header: 'Client', cell: (e) => (e.clientId ? clientName.get(e.clientId) ?? e.clientId.slice(0, 8) : '—') },
    { key: 'details', header: 'Details', cell: (e) => <AuditMetadata metadata={e.metadata} /> },
    { key: 'ip', header: 'IP', cell: (e) => <span className="text-xs text-slate-500">{e.ip ?? ''}</span> },
  ];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, newest first. Entries can never be changed or deleted." />
      <Card>
        <div className="mb-4">
          <FilterBar resetTo="/staff/audit">
            <label className="text-xs font-medium text-slate-600">
              Who
              <select name="actor" defaultValue={filters.actor} className={`${filterInputClass} w-56`}>
                <option value="">Anyone</option>
                {users.map((u) => (
                  <option key={u.value} value={u.value}>
                    {u.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-xs font-medium text-slate-600">
              Action (or its start)
              <input name="action" list="audit-actions" defaultValue={filters.action} placeholder="user." className={`${filterInputClass} w-40`} />
              <datalist id="audit-actions">
                {ACTION_HINTS.map((hint) => (
                  <option key={hint} value={hint} />
                ))}
              </datalist>
            </label>
            <label className="text-xs font-medium text-slate-600">
              Client
              <select name="client" defaultValue={filters.client} className={`${filterInputClass} w-48`}>
                <option value="">All</option>
                {clients.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-xs font-medium text-slate-600">
              From
              <input type="date" name="from" defaultValue={filters.from} className={filterInputClass} />
            </label>
            <label className="text-xs font-medium text-slate-600">
              To
              <input type="date" name="to" defaultValue={filters.to} className={filterInputClass} />
            </label>
          </FilterBar>
        </div>
        <DataTable caption="Audit log" rows={data} rowKey={(e) => e.id} columns={columns} empty={<EmptyState title="No entries">{filtered ? 'Nothing matches these filters.' : 'Nothing was recorded yet.'}</EmptyState>} />
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
