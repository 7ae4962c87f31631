import { useRouteLoaderData } from '@remix-run/react';

export const CSRF_FIELD = 'csrf';

/** The session's form token; every POST form of a signed-in page includes it (see docs/decisions). */
export function CsrfInput() {
  const data = useRouteLoaderData<{ csrf: string | null }>('root');
  return data?.csrf ? <input type="hidden" name={CSRF_FIELD} value={data.csrf} /> : null;
}
