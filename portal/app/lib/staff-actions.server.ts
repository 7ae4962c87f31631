import { ApiError } from './errors.server';

/**
 * The message to show for a refused staff action: a service's expected refusals, and n8n's failures (502),
 * which are about the outside world rather than a bug, so the page says what happened instead of
 * showing the error page. Anything else is rethrown.
 */
export function actionMessageFrom(error: unknown): string {
  if (error instanceof ApiError && error.code !== 'not_found' && (error.status < 500 || error.code === 'bad_gateway')) {
    return error.message;
  }
  throw error;
}
