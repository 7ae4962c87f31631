import type { z } from 'zod';

/** Where an n8n instance's public API is and the key to call it with (opened from n8n_instances). */
export type N8nConnection = {
  /** the instance's base URL, e.g. `https://n8n.example.com` (a path prefix is kept) */
  baseUrl: string;
  apiKey: string;
  /** per attempt; default 30 s */
  timeoutMs?: number;
  /** default: 5 attempts, 250 ms first backoff, at most 8 s between attempts */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
};

export type N8nErrorKind =
  | 'unauthorized' // 401: no key, or a wrong one
  | 'forbidden' // 403: the key lacks a scope
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'conflict' // 409
  | 'bad_request' // other 4xx
  | 'rate_limited' // 429, after every retry
  | 'server_error' // 5xx, after every retry
  | 'timeout' // no answer in time, after every retry
  | 'network' // DNS, refused, reset..., after every retry
  | 'invalid_response'; // not the JSON shape n8n documents

export type N8nError = { kind: N8nErrorKind; status?: number; message: string };

/** Expected failures come back as values; callers decide (a sync records them, a route answers 502). */
export type N8nResult<T> = { ok: true; value: T } | { ok: false; error: N8nError };

export type N8nRequest<T extends z.ZodType> = {
  connection: N8nConnection;
  method?: 'GET' | 'POST';
  /** below `/api/v1`, e.g. `/executions` */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema: T;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_ATTEMPTS = 5;
const DEFAULT_BASE_DELAY_MS = 250;
const DEFAULT_MAX_DELAY_MS = 8_000;
// a Retry-After longer than this is not waited for in-line; the caller fails and tries again later
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * One call to n8n's public API. Retries 429, 5xx, timeouts and network errors with exponential backoff
 * and jitter (honouring Retry-After); parses the JSON answer with `schema`. Never throws for an answer
 * n8n gives or fails to give.
 */
export async function n8nRequest<T extends z.ZodType>(request: N8nRequest<T>): Promise<N8nResult<z.infer<T>>> {
  const attempts = Math.max(1, request.connection.retry?.attempts ?? DEFAULT_ATTEMPTS);
  let last: Attempt = { retry: false, error: { kind: 'network', message: 'not attempted' } };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await attemptRequest(request);
    if (!last.retry || attempt === attempts) break;
    await sleep(last.retryAfterMs ?? backoffDelay({ attempt, retry: request.connection.retry }));
  }
  if ('value' in last) return { ok: true, value: last.value as z.infer<T> };
  return { ok: false, error: last.error };
}

type Attempt = { retry: false; value: unknown } | { retry: boolean; retryAfterMs?: number; error: N8nError };

async function attemptRequest<T extends z.ZodType>({ connection, method = 'GET', path, query, body, schema }: N8nRequest<T>): Promise<Attempt> {
  const timeoutMs = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(buildUrl({ baseUrl: connection.baseUrl, path, query }), {
      method,
      headers: {
        'X-N8N-API-KEY': connection.apiKey,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return timedOut
      ? { retry: true, error: { kind: 'timeout', message: `n8n did not answer within ${timeoutMs} ms` } }
      : { retry: true, error: { kind: 'network', message: `Cannot reach n8n at ${connection.baseUrl}: ${describeCause(error)}` } };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { retry: true, error: { kind: 'network', message: `The connection to n8n broke: ${describeCause(error)}` } };
  }
  if (!response.ok) return failedAttempt({ response, text });
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    return { retry: false, error: { kind: 'invalid_response', status: response.status, message: `n8n answered ${path} with something that is not JSON` } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { retry: false, error: { kind: 'invalid_response', status: response.status, message: `Unexpected answer from n8n for ${path}${where}: ${issue?.message ?? 'invalid'}` } };
  }
  return { retry: false, value: parsed.data };
}

function failedAttempt({ response, text }: { response: Response; text: string }): Attempt {
  const status = response.status;
  const detail = messageOf(text);
  if (status === 429) {
    return { retry: true, retryAfterMs: retryAfterMs(response.headers.get('retry-after')), error: { kind: 'rate_limited', status, message: 'n8n is rate limiting the portal (429)' } };
  }
  if (status >= 500) {
    return { retry: true, retryAfterMs: retryAfterMs(response.headers.get('retry-after')), error: { kind: 'server_error', status, message: `n8n failed with ${status}${detail ? `: ${detail}` : ''}` } };
  }
  const known: Record<number, [N8nErrorKind, string]> = {
    401: ['unauthorized', 'n8n rejected the API key (401 Unauthorized): check the key of this instance'],
    403: ['forbidden', 'The n8n API key lacks a scope this needs (403 Forbidden): see the README for the scopes'],
    404: ['not_found', `Not found in n8n${detail ? `: ${detail}` : ''}`],
    405: ['method_not_allowed', 'This n8n version does not support the call (405)'],
    409: ['conflict', `n8n refused the change (409)${detail ? `: ${detail}` : ''}`],
  };
  const [kind, message] = known[status] ?? ['bad_request', `n8n refused the request with ${status}${detail ? `: ${detail}` : ''}`];
  return { retry: false, error: { kind, status, message } };
}

function buildUrl({ baseUrl, path, query }: { baseUrl: string; path: string; query?: N8nRequest<z.ZodType>['query'] }): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/api/v1${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message.slice(0, 300);
  } catch {
    // not JSON: the status says enough
  }
  return '';
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/** Exponential backoff with jitter: 50-100 % of base * 2^(attempt-1), capped. */
export function backoffDelay({ attempt, retry, random = Math.random }: { attempt: number; retry?: N8nConnection['retry']; random?: () => number }): number {
  const base = retry?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const cap = retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const exponential = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
