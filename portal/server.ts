import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import type { Server } from 'node:http';
import { ConfigError, getConfig } from './app/lib/config.server';
import { openDatabase } from './app/lib/database-bootstrap.server';
import type { StartedServices } from './app/lib/services-lifecycle.server';
import { DEMO_CLIENT, DEMO_STAFF } from './app/services/sample-data/catalog';

type AppEntry = {
  startServices: (options: { embedded: boolean }) => Promise<StartedServices>;
  stopServices: () => Promise<void>;
};

async function loadBuild(isDev: boolean) {
  if (!isDev) {
    // @ts-expect-error the build exists only after `npm run build`
    const build = (await import('./build/server/index.js')) as ServerBuild;
    return { build: async () => build, entry: build.entry.module as unknown as AppEntry, vite: undefined };
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
  const database = await openDatabase();
  const { build, entry, vite } = await loadBuild(isDev);
  const started = await entry.startServices({ embedded: database.embedded });

  const app = express();
  app.disable('x-powered-by');
  if (vite) app.use(vite.middlewares);
  else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
    app.use(express.static('build/client', { maxAge: '1h' }));
  }
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: isDev ? 'development' : 'production',
      getLoadContext: (req) => ({ ip: req.ip }),
    }),
  );

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    printBanner({ port, embedded: database.embedded, ...started });
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: 30, msg: 'shutting down', signal }));
    server.close();
    server.closeIdleConnections();
    await entry.stopServices();
    await vite?.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
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
