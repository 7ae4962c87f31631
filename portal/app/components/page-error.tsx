import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { buttonClass } from './ui/button';

/**
 * The error boundary of a page inside the app shell: the navigation stays, the page says what happened.
 * A record of another client is "not found" too, so nobody learns that it exists.
 */
export function PageError({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="py-16 text-center">
      <p className="text-base font-semibold text-brand">{notFound ? '404' : 'Error'}</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      <p className="mt-3 text-sm text-slate-600">
        {notFound ? 'This page does not exist, or you do not have access to it.' : 'We could not load this page. Please try again in a moment; if it keeps happening, contact support.'}
      </p>
      <div className="mt-8">
        <Link to={backTo} className={buttonClass({ variant: 'secondary' })}>
          {backLabel}
        </Link>
      </div>
    </div>
  );
}
