import express, { type RequestHandler } from 'express';
import { readdirSync } from 'node:fs';
import type { ViteDevServer } from 'vite';
import type { Config } from '../app/lib/config.server';
import { readBodyWithLimit } from './body';
import { allowApiCors } from './cors';
import { refuseCrossSiteRequests } from './cross-site';
import { handleUnexpectedError } from './errors';
import { redirectToHttps } from './https-redirect';
import { logRequests } from './logging';
import { handleWithRemix, type BuildSource } from './remix-handler';
import { serveResourceRoutes } from './resource-routes';
import { securityHeaders } from './security-headers';

/** The express app in front of Remix; each middleware is one concern, in the order a request meets them. */
export function createApp({
  config,
  build,
  vite,
  shutdownMiddleware,
}: {
  config: Config;
  build: BuildSource;
  vite: ViteDevServer | undefined;
  shutdownMiddleware: RequestHandler;
}) {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);

  app.use(logRequests());
  app.use(shutdownMiddleware);
  const httpsRedirect = redirectToHttps({ config });
  if (httpsRedirect) app.use(httpsRedirect);
  app.use(securityHeaders({ config, isDev: Boolean(vite) }));
  app.use('/api/v1', allowApiCors({ config }));
  if (vite) app.use(vite.middlewares);
  else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
    const topLevel = topLevelFiles('build/client');
    if (topLevel.size > 0) {
      // other files of the build (from a public folder): only their paths look on disk, the rest (every
      // page, data and API request) skips a file system call that cannot find anything
      const files = express.static('build/client', { maxAge: '1h' });
      app.use((req, res, next) => (topLevel.has(req.path.split('/')[1] ?? '') ? files(req, res, next) : next()));
    }
  }
  app.use(refuseCrossSiteRequests({ config }));
  app.use(readBodyWithLimit());
  // with a fixed build, the API and health checks skip Remix's per-request route matching
  if (typeof build !== 'function') app.use(serveResourceRoutes({ build, prefixes: ['api/v1', 'healthz', 'readyz'] }));
  app.all('*', handleWithRemix({ build, mode: vite ? 'development' : 'production' }));
  app.use(handleUnexpectedError);
  return app;
}

/** The names in `dir` other than assets/ (served above), read once at start. */
function topLevelFiles(dir: string): Set<string> {
  return new Set(readdirSync(dir).filter((name) => name !== 'assets'));
}
