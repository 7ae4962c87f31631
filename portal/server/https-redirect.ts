import type { RequestHandler } from 'express';
import type { Config } from '../app/lib/config.server';
import { logger } from '../app/lib/logger.server';

// Load balancers probe these over plain http inside the network
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

/**
 * In production with an https PUBLIC_URL, a request that reached the proxy over plain http is sent to
 * the same path on PUBLIC_URL. The portal itself speaks http behind a TLS-terminating proxy, so it can
 * only tell the two apart through X-Forwarded-Proto from a trusted proxy (TRUST_PROXY).
 */
export function redirectToHttps({ config }: { config: Config }): RequestHandler | null {
  if (!config.isProduction || !config.isHttps) return null;
  if (!config.trustProxy) {
    logger.warn('PUBLIC_URL is https but TRUST_PROXY is not set: the portal cannot see which requests used https, so it does not redirect http to https (let the proxy do it, or set TRUST_PROXY)');
    return null;
  }
  return (req, res, next) => {
    if (req.secure || PROBE_PATHS.has(req.path)) return next();
    // 308 keeps the method and body of a form post; 301 is what crawlers and old clients know for pages
    res.redirect(req.method === 'GET' || req.method === 'HEAD' ? 301 : 308, config.publicUrl + req.originalUrl);
  };
}
