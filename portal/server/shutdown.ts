import type { RequestHandler } from 'express';
import type { Server } from 'node:http';
import { logger } from '../app/lib/logger.server';

const IDLE_SWEEP_MS = 100;

export type GracefulShutdown = {
  /** Counts requests; while draining, their connections close and /readyz says the replica is going away. */
  middleware: RequestHandler;
};

/**
 * SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish, then release resources
 * (job queue, database pool, embedded database) and exit 0. A second signal, or requests still running
 * after `drainTimeoutMs`, force the exit with code 1.
 */
export function handleShutdownSignals({
  server,
  drainTimeoutMs,
  release,
}: {
  server: Server;
  drainTimeoutMs: number;
  release: () => Promise<void>;
}): GracefulShutdown {
  let draining = false;
  let inFlight = 0;

  const middleware: RequestHandler = (req, res, next) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    if (!draining) return next();
    res.set('Connection', 'close');
    // the load balancer stops sending new requests to a replica that is going away
    if (req.path === '/readyz') res.status(503).set('Cache-Control', 'no-store').json({ status: 'stopping' });
    else next();
  };

  const forceExit = (reason: string) => {
    logger.error({ inFlight }, `forced exit: ${reason}`);
    process.exit(1);
  };

  const drain = async (signal: NodeJS.Signals) => {
    if (draining) return forceExit(`second ${signal} while draining`);
    draining = true;
    logger.info({ signal, inFlight }, 'shutting down: draining requests in flight');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // keep-alive connections between requests would hold server.close() open until they time out
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.closeIdleConnections();
    let phase = 'requests still running';
    const timeout = setTimeout(() => forceExit(`${phase} after ${drainTimeoutMs} ms`), drainTimeoutMs);
    await closed;
    clearInterval(sweep);
    phase = 'services still stopping';
    logger.info('all requests finished; stopping services');
    try {
      await release();
    } catch (error) {
      logger.error({ err: error }, 'stopping services failed');
      process.exit(1);
    }
    clearTimeout(timeout);
    logger.info('stopped');
    process.exit(0);
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void drain(signal));
  return { middleware };
}
