import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../app/lib/config.server';
import { isApiRequest } from './errors';

type Locals = { locals: { cspNonce?: string } };

/**
 * Security headers on every response; API answers get a fixed set of them (apiHeaders). On pages, scripts
 * run only with this response's nonce (Remix's <Scripts>, <ScrollRestoration> and streamed data get it
 * through the load context) or from our own origin; nothing may frame the portal. Under `npm run dev`,
 * Vite's HMR needs inline scripts, eval and a websocket, so the dev policy is looser.
 */
export function securityHeaders({ config, isDev }: { config: Config; isDev: boolean }): RequestHandler {
  const nonceSource = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as ServerResponse & Locals).locals.cspNonce}'`;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': isDev ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"] : ["'self'", nonceSource],
        // React style attributes (brand colour, chart sizes) are inline; scripts are what CSP must stop
        'style-src': ["'self'", "'unsafe-inline'"],
        // the agency's logo may be hosted anywhere on https
        'img-src': ["'self'", 'data:', 'https:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': isDev ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        ...(config.isHttps ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // browsers ignore HSTS over http; over https it pins the portal to TLS for a year
    strictTransportSecurity: config.isProduction && config.isHttps ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  // helmet's headers are the same on every response except for the nonce: they are taken from helmet
  // once, with a placeholder nonce, and each response gets them with its own nonce (helmet's dozen
  // middlewares per request cost about 5 % of an API call's CPU)
  // each value split at its nonce slots once: a response joins the parts with its own nonce
  const recordedHeaders = recordHeaders(headers);
  const recorded = recordedHeaders.map(([name, value]) => [name, value.split(NONCE_SLOT)] as const);
  const api = apiHeaders(recordedHeaders);
  return (req, res, next) => {
    if (isApiRequest(req)) {
      for (const [name, value] of api) res.setHeader(name, value);
      return next();
    }
    // 122 random bits; randomUUID draws from a buffer of entropy, randomBytes(16) made a system call per request
    const nonce = randomUUID().replaceAll('-', '');
    res.locals.cspNonce = nonce;
    for (const [name, parts] of recorded) res.setHeader(name, parts.length === 1 ? parts[0]! : parts.join(nonce));
    next();
  };
}

const NONCE_SLOT = 'monoliet-nonce-slot';

// An API answer is JSON or a file download, never a page: nothing may run in it, load from it or frame it,
// so its policy needs no nonce (the OWASP REST headers). The page headers that only matter to a document
// (cross-origin opener, origin-keyed agent cluster, DNS prefetch, IE download and XSS filter switches) are
// left off, and the rest are the pages' own.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const API_HEADERS = new Set(['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Cross-Origin-Resource-Policy', 'X-Permitted-Cross-Domain-Policies']);

/** The headers of every API answer: the pages' headers that matter to one, and a policy of its own. */
function apiHeaders(pageHeaders: [string, string][]): [string, string][] {
  return [['Content-Security-Policy', API_CSP], ...pageHeaders.filter(([name]) => API_HEADERS.has(name))];
}

/** The headers `middleware` sets on a response whose nonce is NONCE_SLOT. */
function recordHeaders(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): [string, string][] {
  const set = new Map<string, string>();
  const res = { locals: { cspNonce: NONCE_SLOT }, setHeader: (name: string, value: unknown) => set.set(name, String(value)), removeHeader: (name: string) => set.delete(name) };
  let done = false;
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (error) => {
    if (error) throw error;
    done = true;
  });
  if (!done || !set.has('Content-Security-Policy')) throw new Error('helmet did not set its headers at once; security-headers.ts cannot reuse them');
  return [...set];
}
