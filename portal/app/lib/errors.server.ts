import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { logger } from './logger.server';
import { getRequestId } from './request-context.server';

/** An expected failure with a code from the contract's error table; services throw it, routes answer it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function zodDetails(error: ZodError): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    (details[key] ??= []).push(issue.message);
  }
  return details;
}

/** Turns anything thrown in a resource route into the one error envelope. Unknown errors are logged once. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof ApiError) {
    return envelope({ status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } }, headers: error.headers });
  }
  if (error instanceof ZodError) {
    return envelope({ status: 400, body: { error: { code: 'invalid_input', message: 'Invalid request', details: zodDetails(error) } } });
  }
  // the id the client saw in X-Request-Id, so a support request leads straight to this log line
  const requestId = getRequestId() ?? randomUUID();
  logger.error({ err: error, requestId }, 'unexpected error');
  return envelope({ status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side', requestId } } });
}

function envelope({ status, body, headers }: { status: number; body: ErrorEnvelope; headers?: Record<string, string> }) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
