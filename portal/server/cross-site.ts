import type { Request, RequestHandler } from 'express';
import type { Config } from '../app/lib/config.server';
import { SESSION_COOKIE } from '../app/lib/session.server';
import { isApiRequest, sendError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF, first line: a state change made with the session cookie must come from the portal's own pages.
 * Browsers send Origin on every POST (Referer is the fallback), so a form or fetch from another site is
 * refused here, before any route runs. API calls with `Authorization: Bearer` carry no ambient
 * credential and are exempt; so are cookie-less API calls (n8n, scripts: no browser, no Origin). Page
 * forms are checked even without a session, which covers the sign-in form (login CSRF). The session's
 * form token (verifyCsrfToken in requireUser) is the second line.
 */
export function refuseCrossSiteRequests({ config }: { config: Config }): RequestHandler {
  const publicOrigin = new URL(config.publicUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || hasBearerToken(req)) return next();
    const hasSession = hasSessionCookie(req);
    if (isApiRequest(req) && !hasSession) return next();
    const origin = requestOrigin(req);
    // a cookie-less caller that is not a browser (curl, a health probe) sends neither header
    if (origin === undefined && !hasSession) return next();
    // outside production the portal is also reached as http://127.0.0.1:<port> next to localhost
    const ownOrigin = `${req.protocol}://${req.get('Host')}`;
    if (origin === publicOrigin || (!config.isProduction && origin === ownOrigin)) return next();
    sendError(req, res, {
      status: 403,
      code: 'forbidden',
      message: 'This request came from another site, so it was refused. Open the portal itself and try again.',
    });
  };
}

function hasSessionCookie(req: Request) {
  return (req.get('Cookie') ?? '').split(';').some((pair) => {
    const [name, value] = pair.trim().split('=');
    return name === SESSION_COOKIE && Boolean(value);
  });
}

function hasBearerToken(req: Request) {
  return /^Bearer\s+\S/i.test(req.get('Authorization') ?? '');
}

/** The Origin header, else the origin of the Referer; 'null' (sandboxed, privacy mode) never matches. */
function requestOrigin(req: Request): string | undefined {
  const origin = req.get('Origin');
  if (origin) return origin;
  const referer = req.get('Referer');
  if (!referer) return undefined;
  return URL.canParse(referer) ? new URL(referer).origin : 'null';
}
