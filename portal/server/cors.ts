import type { RequestHandler } from 'express';
import type { Config } from '../app/lib/config.server';
import { sendError } from './errors';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Request-Id';
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for /api/v1: off unless CORS_ORIGINS names a browser origin. n8n calls the API server to server
 * and needs none. Allowed origins authenticate with a Bearer token, never with the session cookie, so
 * credentials stay off.
 */
export function allowApiCors({ config }: { config: Config }): RequestHandler {
  const allowed = new Set(config.corsOrigins);
  return (req, res, next) => {
    const origin = req.get('Origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    res.vary('Origin');
    if (isAllowed) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    const isPreflight = req.method === 'OPTIONS' && req.get('Access-Control-Request-Method') !== undefined;
    if (!isPreflight) return next();
    if (!isAllowed) {
      sendError(req, res, { status: 403, code: 'forbidden', message: 'This origin may not call the API from a browser (see CORS_ORIGINS)' });
      return;
    }
    res.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.status(204).end();
  };
}
