import { IdParamsSchema } from '@monoliet/contract';
import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import { requireClientUser } from './auth.server';
import { callerFromSession, type Caller } from './caller.server';
import { ApiError } from './errors.server';
import type { FormErrors } from './forms.server';

// Client pages call the same services as the API, with the same Caller, so there is one data path and
// one set of access rules.

export async function requireClientCaller({ request, context }: { request: Request; context: AppLoadContext }) {
  const current = await requireClientUser(request);
  const caller: Caller = callerFromSession({ user: current.user, client: current.client, ip: context.ip });
  return { current, caller };
}

/** The `:id` of a page's URL; one that is not a UUID cannot name a record, so it is the 404 page. */
export function requireIdParam(params: LoaderFunctionArgs['params']): string {
  const parsed = IdParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data.id;
}

/**
 * A service's expected failures as error pages: not_found (an unknown id, or another client's record)
 * is the 404 page, bad input in the URL (a filter, a cursor) the 400 page.
 */
export async function loadForPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'invalid_input')) {
      throw new Response(error.message, { status: error.status });
    }
    throw error;
  }
}

/**
 * An expected refusal of a service as form errors: next to the fields it names, else for the whole form.
 * Anything else (a bug, a database outage) is rethrown for the error page.
 */
export function formErrorsFrom(error: unknown): FormErrors {
  if (!(error instanceof ApiError) || error.status >= 500 || error.code === 'not_found') throw error;
  return error.details && Object.keys(error.details).length > 0 ? error.details : { form: [error.message] };
}

/** The string values of a form; empty fields count as not given. */
export function formValues(form: FormData): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && value.trim() !== '') values[key] = value;
  return values;
}
