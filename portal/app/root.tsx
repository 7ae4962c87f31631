import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { Branding } from './components/branding';
import { useNonce } from './components/nonce';
import { buttonClass } from './components/ui/button';
import { readSession } from './lib/session.server';
import { getBranding } from './services/branding.server';
import stylesheet from './tailwind.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.branding?.companyName ?? 'Monoliet' }];

export async function loader({ request }: LoaderFunctionArgs) {
  // the session's form token, for <CsrfInput /> in every form
  const csrf = (await readSession(request))?.csrf ?? null;
  try {
    return { branding: await getBranding(), csrf };
  } catch {
    // the database is down: still render pages (and the error page) with the default branding
    return { branding: null, csrf };
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<{ branding: Branding | null }>('root');
  const brandColor = data?.branding?.brandColor ?? '#4f46e5';
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full" style={{ ['--brand-color' as string]: brandColor }}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, text } = describeError({ status, data: isRouteErrorResponse(error) ? error.data : undefined });
  return (
    <main className="grid min-h-screen place-items-center px-6 py-24">
      <div className="text-center">
        <p className="text-base font-semibold text-brand">{status}</p>
        <h1 className="mt-4 text-3xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-4 text-sm text-slate-600">{text}</p>
        <div className="mt-8">
          <Link to="/" className={buttonClass()}>
            Back to the dashboard
          </Link>
        </div>
      </div>
    </main>
  );
}

function describeError({ status, data }: { status: number; data: unknown }) {
  if (status === 404) return { title: 'Page not found', text: 'This page does not exist, or you do not have access to it.' };
  // a refused form (missing or stale CSRF token) says how to recover
  if (status === 403 && typeof data === 'string') return { title: 'Request refused', text: data };
  return { title: 'Something went wrong', text: 'We could not load this page. Please try again in a moment; if it keeps happening, contact support.' };
}
