import type { Request, RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { logger } from '../app/lib/logger.server';
import { runWithRequestContext } from '../app/lib/request-context.server';
import { describeUrl } from '../app/lib/log-safe-url';

// An id from the caller (a proxy, n8n) is kept when it is safe to echo into logs and headers
const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
// Probes and static files succeed all day long; their lines are debug, their failures are not
const QUIET_PATHS = /^\/(healthz|readyz|assets\/|favicon)/;

/**
 * One JSON line per request, and a request id that the client gets back in X-Request-Id. Every line
 * logged while the request runs (route code included) carries the same id, through the request context.
 * Request lines hold an allowlist of fields: no headers, so no cookie or Authorization can leak, and the
 * URL without its secrets.
 */
export function logRequests(): RequestHandler[] {
  const httpLogger = pinoHttp({
    logger,
    // the request line and req.log carry the id as a binding, even when written outside the request context
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { raw: IncomingMessage }) => {
        const raw = req.raw as Request;
        return { id: raw.id, method: raw.method, url: describeUrl(raw.originalUrl ?? raw.url ?? ''), ip: raw.ip, userAgent: raw.headers['user-agent'] };
      },
      res: (res: { raw: ServerResponse }) => ({ statusCode: res.raw.statusCode }),
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return QUIET_PATHS.test((req as Request).originalUrl ?? '') ? 'debug' : 'info';
    },
    customSuccessMessage: (req, res) => `${req.method} ${describeUrl((req as Request).originalUrl ?? req.url ?? '')} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${describeUrl((req as Request).originalUrl ?? req.url ?? '')} ${res.statusCode}`,
  });
  const openRequestContext: RequestHandler = (req, _res, next) => runWithRequestContext({ requestId: String(req.id) }, next);
  return [httpLogger, openRequestContext];
}
