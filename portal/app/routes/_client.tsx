import type { LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { AppShell, type NavItem } from '~/components/app-shell';
import { buttonClass } from '~/components/ui/button';
import { requireClientUser } from '~/lib/auth.server';

// The client area: every page below needs a signed-in client user with a client.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, client } = await requireClientUser(request);
  return { user: { name: user.name, email: user.email }, client: { companyName: client.companyName } };
}

const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/workflows', label: 'Workflows' },
  { to: '/invoices', label: 'Invoices' },
  { to: '/tickets', label: 'Support tickets' },
  { to: '/credentials', label: 'Credentials' },
  { to: '/account', label: 'Account' },
];

function ClientShell({ data, children }: { data: Awaited<ReturnType<typeof loader>>; children: ReactNode }) {
  return (
    <AppShell nav={NAV} area="Client portal" user={{ ...data.user, subtitle: data.client.companyName }}>
      {children}
    </AppShell>
  );
}

export default function ClientLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <ClientShell data={data}>
      <Outlet />
    </ClientShell>
  );
}

/** Errors of the pages below show inside the portal, navigation included, when the layout itself loaded. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('routes/_client');
  const message = <ErrorMessage notFound={isRouteErrorResponse(error) && error.status === 404} />;
  if (!data) return <main className="grid min-h-screen place-items-center px-6">{message}</main>;
  return <ClientShell data={data}>{message}</ClientShell>;
}

function ErrorMessage({ notFound }: { notFound: boolean }) {
  return (
    <div className="grid place-items-center py-24 text-center">
      <p className="text-base font-semibold text-brand">{notFound ? '404' : 'Error'}</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-slate-900">{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      <p className="mt-3 max-w-md text-sm text-slate-600">
        {notFound ? 'This page does not exist, or you do not have access to it.' : 'We could not load this page. Please try again in a moment; if it keeps happening, contact support.'}
      </p>
      <Link to="/" className={`${buttonClass()} mt-8`}>
        Back to the dashboard
      </Link>
    </div>
  );
}
