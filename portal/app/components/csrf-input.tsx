import { useRouteLoaderData } from '@remix-run/react';
import { CSRF_FIELD } from '~/lib/csrf';

/**
 * Put this inside every <Form method="post"> (and fetcher.Form): it sends the session's CSRF token,
 * which requireUser() checks on every state change. Without it a signed-in user's form post gets a 403.
 */
export function CsrfInput() {
  const data = useRouteLoaderData<{ csrf: string | null }>('root');
  return <input type="hidden" name={CSRF_FIELD} value={data?.csrf ?? ''} />;
}
