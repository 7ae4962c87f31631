import type { AppLoadContext } from '@remix-run/node';
import type { z } from 'zod';
import { NOTICE_PARAMS, readSelectedIds } from './bulk-actions.server';
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

/**
 * A list page's query (filters, order, cursor) read from its URL with the API's own schema, so the page and
 * /api/v1 accept the same things; a hand-edited URL that the schema refuses is the 400 page. Empty
 * parameters count as not given, and the notice codes of bulk actions are not part of the query.
 */
export function readListQuery<S extends z.ZodType>({ request, schema }: { request: Request; schema: S }): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [name, value] of params) if (value.trim() !== '' && !(NOTICE_PARAMS as readonly string[]).includes(name) && name !== 'index') raw[name] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Response(`This list cannot be shown with these filters: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'} ${issue.message}`).join('; ')}`, { status: 400 });
  return parsed.data;
}

/** What a bulk form asked for: the action (intent) and the ticked rows; nothing ticked is a form error, not a 500. */
export function readBulkForm(form: FormData): { intent: string; ids: string[] } {
  return { intent: String(form.get('intent') ?? ''), ids: readSelectedIds(form) };
}
