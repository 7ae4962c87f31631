import { ApiError } from './errors.server';

/**
 * Runs a service call for a page: a record that is missing or belongs to another client becomes the
 * 404 page (the services answer both with not_found), anything else keeps its way to the error page.
 */
export async function orNotFoundPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') throw new Response(error.message, { status: 404 });
    throw error;
  }
}
