import type { AppLoadContext } from '@remix-run/node';
import { requireStaff } from './auth.server';
import { callerFromSession, type Caller } from './caller.server';

// Staff pages call the same services as the API, with the same Caller, like the client pages do
// (client-page.server.ts holds the shared helpers: requireIdParam, loadForPage, formErrorsFrom, formValues).

/** First line of every staff loader and action: a client user gets the 404 page; in an action the CSRF token is checked. */
export async function requireStaffCaller({ request, context }: { request: Request; context: AppLoadContext }) {
  const current = await requireStaff(request);
  const caller: Caller = callerFromSession({ user: current.user, client: null, ip: context.ip });
  return { current, caller };
}
