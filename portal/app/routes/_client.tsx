import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { AppShell, type NavItem } from '~/components/app-shell';
import { requireClientUser } from '~/lib/auth.server';

// The client area: every page below needs a signed-in client user with a client.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, client } = await requireClientUser(request);
  return { user: { name: user.name, email: user.email }, client: { companyName: client.companyName } };
}

const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/invoices', label: 'Invoices' },
  { to: '/tickets', label: 'Support tickets' },
  { to: '/credentials', label: 'Credentials' },
  { to: '/account', label: 'Account' },
];

export default function ClientLayout() {
  const { user, client } = useLoaderData<typeof loader>();
  return (
    <AppShell nav={NAV} area="Client portal" user={{ ...user, subtitle: client.companyName }}>
      <Outlet />
    </AppShell>
  );
}
