import { IdParamsSchema } from '@monoliet/contract';
import { ApiError } from './errors.server';

// Pages call the same services as the API. Their expected failures become the error pages: a record the
// caller may not see (or that does not exist) is the 404 page, bad input in the URL a 400.

export async function loadForPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'invalid_input')) {
      throw new Response(error.message, { status: error.status });
    }
    throw error;
  }
}

/** The `:id` of a page URL; one that is not a UUID cannot name a record, so it is a 404 too. */
export function requirePageId(params: { id?: string }): string {
  const parsed = IdParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data.id;
}
