import { CREDENTIAL_STATUSES, CredentialListQuerySchema } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CredentialStatusBadge } from '~/components/credentials/credential-status-badge';
import { FilterBar, filterInputClass, SortHeader, TabLinks } from '~/components/staff/list-controls';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable } from '~/components/ui/table';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { readListQuery, requireStaffCaller } from '~/lib/staff-page.server';
import { listClientChoices } from '~/services/clients.server';
import { listCredentials } from '~/services/credentials.server';

export const meta: MetaFunction = () => [{ title: 'Credentials' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const query = readListQuery({ request, schema: CredentialListQuerySchema.extend({ limit: CredentialListQuerySchema.shape.limit.default(25) }) });
  const [page, clients] = await Promise.all([loadForPage(listCredentials({ caller, query })), listClientChoices(caller)]);
  const statusTabs = [{ value: null, label: 'All' }, ...CREDENTIAL_STATUSES.map((status) => ({ value: status, label: { pending: 'Received', active: 'In use', invalid: 'Not working', revoked: 'Revoked' }[status] }))];
  return { ...page, statusTabs, clients, clientNames: Object.fromEntries(clients.map((client) => [client.id, client.companyName])), filters: { status: query.status ?? null, client: query.client ?? '', search: query.search ?? '', order: query.order }, hasPrevious: Boolean(query.cursor) };
}

export default function StaffCredentials() {
  const { data: rows, nextCursor, hasPrevious, statusTabs, clients, clientNames, filters } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Credentials" description="API keys and logins clients handed over. Values stay encrypted; revealing one asks for your password (or authenticator code) and is audited." />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <TabLinks param="status" label="Status" current={filters.status} tabs={statusTabs} />
        <FilterBar keep={{ status: filters.status, order: filters.order }} resetTo="/staff/credentials">
          <label className="text-xs font-medium text-slate-600">
            Service
            <input name="search" type="search" defaultValue={filters.search} className={`${filterInputClass} w-44`} />
          </label>
          <label className="text-xs font-medium text-slate-600">
            Client
            <select name="client" defaultValue={filters.client} className={`${filterInputClass} w-48`}>
              <option value="">All clients</option>
              {clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.companyName}
                </option>
              ))}
            </select>
          </label>
        </FilterBar>
      </div>
      <Card>
        <DataTable
          caption="Credentials"
          rows={rows}
          rowKey={(credential) => credential.id}
          empty={<EmptyState title="No credentials">Nothing matches these filters.</EmptyState>}
          columns={[
            {
              key: 'service',
              header: <SortHeader label="Service" field="serviceName" order={filters.order} />,
              cell: (credential) => (
                <Link to={`/staff/credentials/${credential.id}`} className="font-medium text-slate-900 hover:underline">
                  {credential.serviceName}
                </Link>
              ),
            },
            { key: 'client', header: 'Client', cell: (credential) => <Link to={`/staff/clients/${credential.clientId}`} className="hover:underline">{clientNames[credential.clientId] ?? '—'}</Link> },
            { key: 'type', header: 'Type', cell: (credential) => <span className="text-slate-500">{credential.credentialType.replaceAll('_', ' ')}</span> },
            { key: 'hint', header: 'Hint', cell: (credential) => <span className="font-mono text-xs">{credential.hint || '—'}</span> },
            { key: 'status', header: 'Status', cell: (credential) => <CredentialStatusBadge status={credential.status} /> },
            { key: 'by', header: 'Submitted by', cell: (credential) => credential.submittedBy?.name ?? '—' },
            { key: 'created', header: <SortHeader label="Received" field="createdAt" order={filters.order} />, cell: (credential) => <span className="whitespace-nowrap">{formatDateTime(credential.createdAt)}</span> },
          ]}
        />
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
