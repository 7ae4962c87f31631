import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { destroySession } from '~/lib/session.server';

export async function action(_args: ActionFunctionArgs) {
  return redirect('/login', { headers: { 'Set-Cookie': destroySession() } });
}

export async function loader() {
  return redirect('/');
}
