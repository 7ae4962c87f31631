import { z } from 'zod';
import type { TokenScope } from './auth';
import type { ErrorCode } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One route of /api/v1. The route table (route-table.ts) is the single source for the portal's request
 * parsing, its access checks, the OpenAPI document and the authorization-matrix tests.
 */
export type ApiRouteDef = {
  id: string;
  method: HttpMethod;
  /** relative to /api/v1, OpenAPI style: `/clients/{id}` */
  path: string;
  summary: string;
  tag: string;
  /** who may call it: anyone, any signed-in user or token, or staff only (clients get 403) */
  access: 'public' | 'user' | 'staff';
  /** the token scope it needs; browser sessions have every scope their role allows */
  scope: TokenScope | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** null for 204 No Content, and for file routes */
  response: z.ZodType | null;
  /** routes that answer a file instead of JSON (an invoice PDF): its media type */
  file?: { contentType: string };
  status: 200 | 201 | 202 | 204;
  /** for `{id}` routes: which kind of record the id names (tests use it to build fixtures) */
  resource?: string;
  /** more about the route for the OpenAPI document (Markdown) */
  description?: string;
  /** errors the route answers besides the ones every route of its kind has (409, 422, 429, 502, ...) */
  errors?: readonly ErrorCode[];
  /** a request body for the OpenAPI document */
  example?: unknown;
};

export function defineRoute<const T extends ApiRouteDef>(route: T): T {
  return route;
}

export const IdParamsSchema = z.object({ id: z.uuid() });

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
/** An amount as a decimal string with at most two decimals, e.g. "1490.00". */
export const MoneySchema = z.string().regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'must be an amount like "1490.00"');
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code');

/** A query flag: `?open=true`. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** PostgreSQL text cannot hold a NUL character; such input is refused rather than stored altered. */
export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}
export const NO_NUL_MESSAGE = 'must not contain NUL characters';
