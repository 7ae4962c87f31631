import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../app/lib/config.server';

type Locals = { locals: { cspNonce?: string } };

/**
 * Security headers on every response. Scripts run only with this response's nonce (Remix's <Scripts>,
 * <ScrollRestoration> and streamed data get it through the load context) or from our own origin;
 * nothing may frame the portal. Under `npm run dev`, Vite's HMR needs inline scripts, eval and a
 * websocket, so the dev policy is looser.
 */
export function securityHeaders({ config, isDev }: { config: Config; isDev: boolean }): RequestHandler[] {
  const createNonce: RequestHandler = (_req, res, next) => {
    // 122 random bits; randomUUID draws from a buffer of entropy, randomBytes(16) made a system call per request
    res.locals.cspNonce = randomUUID().replaceAll('-', '');
    next();
  };
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
  return [createNonce, headers];
}
