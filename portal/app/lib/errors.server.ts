import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';
import { ConnectionAcquireTimeoutError, ForeignKeyConstraintError, UniqueConstraintError } from 'sequelize';
import { ZodError } from 'zod';
import { jsonAnswer, toWebResponse, type ApiAnswer } from './api-answer.server';
import { sqlStateOf } from './db-retry.server';
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
  return toWebResponse(toErrorAnswer(error));
}

/** toErrorResponse as plain data (a thrown Response stays as it is). */
export function toErrorAnswer(error: unknown): ApiAnswer | Response {
  if (error instanceof Response) return error;
  if (error instanceof ApiError) {
    return envelope({ status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } }, headers: error.headers });
  }
  if (error instanceof ZodError) {
    return envelope({ status: 400, body: { error: { code: 'invalid_input', message: 'Invalid request', details: zodDetails(error) } } });
  }
  const fromDatabase = databaseErrorToApiError(error);
  if (fromDatabase) return toErrorAnswer(fromDatabase);
  // the id the client saw in X-Request-Id, so a support request leads straight to this log line
  const requestId = getRequestId() ?? randomUUID();
  logger.error({ err: error, requestId }, 'unexpected error');
  return envelope({ status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side', requestId } } });
}

function envelope({ status, body, headers }: { status: number; body: ErrorEnvelope; headers?: Record<string, string> }): ApiAnswer {
  return jsonAnswer({ status, value: body, headers });
}

// A safety net: a constraint the database enforces is still bad input, never a 500.
const INVALID_INPUT_SQLSTATES = new Set(['23502', '23514', '22001', '22003', '22007', '22008', '22P02', '22021', '22P05']);

/** Seconds a client is asked to wait when every database connection stayed busy. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

function databaseErrorToApiError(error: unknown): ApiError | undefined {
  // overload, not a fault: every connection of the pool stayed busy; the sender should back off and retry
  if (error instanceof ConnectionAcquireTimeoutError) {
    return new ApiError('unavailable', 'The portal is busy; try again in a few seconds', undefined, { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });
  }
  const code = sqlStateOf(error);
  if (error instanceof UniqueConstraintError || code === '23505') return new ApiError('conflict', 'This conflicts with an existing record');
  if (error instanceof ForeignKeyConstraintError || code === '23503') return new ApiError('conflict', 'This refers to a record that does not exist or is still in use');
  if (code && INVALID_INPUT_SQLSTATES.has(code)) return new ApiError('invalid_input', 'A value is out of range or malformed');
  return undefined;
}
