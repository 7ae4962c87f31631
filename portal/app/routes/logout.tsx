import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { verifyCsrfToken } from '~/lib/csrf.server';
import { destroySession, readSession } from '~/lib/session.server';

export async function action({ request }: ActionFunctionArgs) {
  // another site must not sign people out; an expired session needs no token to be cleared
  const session = await readSession(request);
  if (session) await verifyCsrfToken(request, session);
  return redirect('/login', { headers: { 'Set-Cookie': destroySession() } });
}

export async function loader() {
  return redirect('/');
}
