import type { ServerBuild } from '@remix-run/node';
import { createServer } from 'node:http';
import { ConfigError, getConfig } from './app/lib/config.server';
import { openDatabase } from './app/lib/database-bootstrap.server';
import type { StartedServices } from './app/lib/services-lifecycle.server';
import { DEMO_CLIENT, DEMO_STAFF } from './app/services/sample-data/catalog';
import { logger } from './app/lib/logger.server';
import { installRouterBranchCache } from './server/router-branch-cache';
import { handleShutdownSignals } from './server/shutdown';

type AppEntry = {
  startServices: (options: { embedded: boolean }) => Promise<StartedServices>;
  stopServices: () => Promise<void>;
};

// Slow clients may not hold a connection open: headers within 20 s, the whole request within 60 s.
// Idle keep-alive connections stay open longer than a load balancer's usual 60 s, so it never reuses one
// that the portal is closing.
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 60_000;
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

async function loadBuild(isDev: boolean) {
  if (!isDev) {
    // @ts-expect-error the build exists only after `npm run build`
    const build = (await import('./build/server/index.js')) as ServerBuild;
    return { build, entry: build.entry.module as unknown as AppEntry, vite: undefined };
  }
  const vite = await import('vite').then((m) => m.createServer({ server: { middlewareMode: true } }));
  const load = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  const entry = (await load()).entry.module as unknown as AppEntry;
  return { build: load, entry, vite };
}

async function main() {
  const config = getConfig();
  // `npm run dev` passes --dev: vite serves the app with HMR instead of the build
  const isDev = process.argv.includes('--dev');
  // the embedded database is stopped below, after the requests in flight have finished
  const database = await openDatabase({ stopOnExitSignal: false });
  // before Remix is loaded: its router gets memos of the route ranking (server/router-branch-cache.ts),
  // so the express app (which loads Remix) is imported only now
  if (!installRouterBranchCache()) logger.warn('@remix-run/router loaded without the route ranking memos (server/router-branch-cache.ts)');
  const { createApp } = await import('./server/app');
  const { build, entry, vite } = await loadBuild(isDev);
  const started = await entry.startServices({ embedded: database.embedded });

  const server = createServer();
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const shutdown = handleShutdownSignals({
    server,
    drainTimeoutMs: config.shutdownTimeoutMs,
    release: async () => {
      await entry.stopServices();
      await vite?.close();
      await database.stop();
    },
  });
  server.on('request', createApp({ config, build, vite, shutdownMiddleware: shutdown.middleware }));
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    printBanner({ port, embedded: database.embedded, ...started });
  });
}

function printBanner({ port, embedded, hasDemoLogins, staffUsers }: { port: number; embedded: boolean } & StartedServices) {
  const url = `http://localhost:${port}`;
  console.log(JSON.stringify({ level: 30, msg: 'listening', port, url }));
  const lines = [`Monoliet is running at ${url}`];
  if (embedded) lines.push('Database: embedded PostgreSQL (data in .data/postgres)');
  if (hasDemoLogins) {
    lines.push(`Demo staff login:  ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`);
    lines.push(`Demo client login: ${DEMO_CLIENT.email} / ${DEMO_CLIENT.password}`);
  }
  if (staffUsers === 0) {
    lines.push('No staff user yet. Create the first one with:');
    lines.push('  npm run cli -- create-staff-user --email you@example.com --password "<at least 10 characters>"');
  }
  console.log(`\n  ${lines.join('\n  ')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
