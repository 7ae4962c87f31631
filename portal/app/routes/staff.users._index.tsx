import { UserListQuerySchema, type UserDto } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { FilterBar, filterInputClass, SortHeader } from '~/components/staff/list-controls';
import { RoleBadge, UserStatusBadge } from '~/components/staff/user-badges';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable, type Column } from '~/components/ui/table';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { readListQuery } from '~/lib/list-query.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listClientOptions } from '~/services/staff-options.server';
import { listUsers } from '~/services/user-accounts.server';

export const meta: MetaFunction = () => [{ title: 'Users' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const query = readListQuery({ schema: UserListQuerySchema, request });
  const [page, clients] = await Promise.all([loadForPage(listUsers({ caller, query: { ...query, limit: 50 } })), listClientOptions(caller)]);
  const params = new URL(request.url).searchParams;
  return { ...page, clients, filters: { search: query.search ?? '', role: query.role ?? '', active: params.get('active') ?? '', client: query.client ?? '' }, order: query.order, hasPrevious: Boolean(query.cursor) };
}

export default function StaffUsers() {
  const { data, nextCursor, hasPrevious, clients, filters, order } = useLoaderData<typeof loader>();
  const columns: Column<UserDto>[] = [
    {
      key: 'email',
      header: <SortHeader label="Email" field="email" order={order} />,
      cell: (user) => (
        <Link to={`/staff/users/${user.id}`} className="font-medium text-slate-900 hover:text-brand">
          {user.email}
        </Link>
      ),
    },
    { key: 'name', header: <SortHeader label="Name" field="name" order={order} />, cell: (user) => user.name || <span className="text-slate-400">—</span> },
    { key: 'role', header: 'Role', cell: (user) => <RoleBadge role={user.role} memberRole={user.memberRole} /> },
    { key: 'client', header: 'Client', cell: (user) => user.client?.companyName ?? <span className="text-slate-400">—</span> },
    { key: 'status', header: 'Status', cell: (user) => <UserStatusBadge isActive={user.isActive} hasPassword={user.hasPassword} /> },
    { key: '2fa', header: '2FA', cell: (user) => (user.twoFactorEnabled ? 'On' : <span className="text-slate-400">Off</span>) },
    { key: 'login', header: 'Last sign-in', cell: (user) => <span className="whitespace-nowrap text-slate-500">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}</span> },
  ];
  const filtered = Boolean(filters.search || filters.role || filters.active || filters.client);
  return (
    <>
      <PageHeader
        title="Users"
        description="Staff and client accounts: invite people, reset passwords, deactivate access."
        actions={
          <Link to="/staff/users/new" className={buttonClass()}>
            Add user
          </Link>
        }
      />
      <Card>
        <div className="mb-4">
          <FilterBar resetTo="/staff/users" keep={{ order }}>
            <label className="text-xs font-medium text-slate-600">
              Search
              <input name="search" defaultValue={filters.search} placeholder="Email or name" className={`${filterInputClass} w-56`} />
            </label>
            <label className="text-xs font-medium text-slate-600">
              Role
              <select name="role" defaultValue={filters.role} className={filterInputClass}>
                <option value="">All</option>
                <option value="staff">Staff</option>
                <option value="client">Client</option>
              </select>
            </label>
            <label className="text-xs font-medium text-slate-600">
              Status
              <select name="active" defaultValue={filters.active} className={filterInputClass}>
                <option value="">All</option>
                <option value="true">Active</option>
                <option value="false">Deactivated</option>
              </select>
            </label>
            <label className="text-xs font-medium text-slate-600">
              Client
              <select name="client" defaultValue={filters.client} className={`${filterInputClass} w-48`}>
                <option value="">All</option>
                {clients.map((client) => (
                  <option key={client.value} value={client.value}>
                    {client.label}
                  </option>
                ))}
              </select>
            </label>
          </FilterBar>
        </div>
        <DataTable caption="Users" rows={data} rowKey={(user) => user.id} columns={columns} empty={<EmptyState title="No users">{filtered ? 'Nothing matches these filters.' : 'Add the first user.'}</EmptyState>} />
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
