import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { AppShell, type NavItem } from '~/components/app-shell';
import { requireStaff } from '~/lib/auth.server';

// The staff area: client users get a 404 for every page below.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireStaff(request);
  return { user: { name: user.name, email: user.email } };
}

const NAV: NavItem[] = [
  { to: '/staff', label: 'Dashboard', end: true },
  { to: '/staff/clients', label: 'Clients' },
  { to: '/staff/workflows', label: 'Workflows' },
  { to: '/staff/executions', label: 'Executions' },
  { to: '/staff/invoices', label: 'Invoices' },
  { to: '/staff/tickets', label: 'Tickets' },
  { to: '/staff/credentials', label: 'Credentials' },
  { to: '/staff/instances', label: 'n8n instances' },
  { to: '/staff/emails', label: 'Emails' },
  { to: '/staff/jobs', label: 'Jobs' },
];

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <AppShell nav={NAV} area="Staff" user={{ ...user, subtitle: 'Staff' }}>
      <Outlet />
    </AppShell>
  );
}
