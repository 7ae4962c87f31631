import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../portal/app/lib/embedded-postgres.server';
import { PORTAL_ENV } from './env';

export const ROOT = path.resolve(__dirname, '../..');
export const PORTAL_DIR = path.join(ROOT, 'portal');
export const OUT_DIR = path.join(ROOT, 'bench/out');

/** `pause` freezes the process (SIGSTOP: no CPU, no timers, its sockets kept) until `resume`. */
export type RunningProcess = { url: string; pid: number; stop: () => Promise<void>; pause: () => void; resume: () => void };

/**
 * Starts a server process (the real portal by default) on a free port against `databaseUrl`. Its output goes
 * to bench/out/<name>.log, not through this process, so reading it costs the load generator nothing.
 */
export async function startProcess({ name, databaseUrl, script = 'server.ts', cwd = PORTAL_DIR, timeoutMs = 60_000 }: { name: string; databaseUrl: string; script?: string; cwd?: string; timeoutMs?: number }): Promise<RunningProcess> {
  mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, `${name}.log`);
  const log = openSync(logFile, 'w');
  // a port chosen up front, so PUBLIC_URL (the origin form posts must come from) is the real address
  const chosen = await findFreePort();
  // BENCH_PORTAL_NODE_ARGS adds node flags to the portal process, e.g. `--cpu-prof --cpu-prof-dir=bench/out/prof`
  const nodeArgs = script === 'server.ts' ? (process.env.BENCH_PORTAL_NODE_ARGS ?? '').split(' ').filter(Boolean) : [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd,
    // NODE_ENV as in PORTAL_ENV, spelled out: a dependency's types declare it required in ProcessEnv
    env: { ...inheritedEnv(), ...PORTAL_ENV, NODE_ENV: 'production', PORT: String(chosen), PUBLIC_URL: `http://127.0.0.1:${chosen}`, DATABASE_URL: databaseUrl },
    stdio: ['ignore', log, log],
  });
  const port = await waitForPort({ child, logFile, timeoutMs });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => (child.kill('SIGCONT'), stopChild(child)),
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

/** This process's environment without tsx's own settings (its --tsconfig is relative to the bench's cwd). */
function inheritedEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TSX_')));
}

async function waitForPort({ child, logFile, timeoutMs }: { child: ChildProcess; logFile: string; timeoutMs: number }): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const output = readFileSync(logFile, 'utf8');
    const match = /"msg":"listening","port":(\d+)/.exec(output);
    if (match) return Number(match[1]);
    if (child.exitCode !== null) throw new Error(`${logFile}: exited with ${child.exitCode} before listening:\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${logFile}: not listening after ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resident set size and its peak since start (VmHWM), in bytes, from /proc. */
export function readMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}
