import { spawn } from 'node:child_process';
import path from 'node:path';
import { PORTAL_DIR } from './helpers/portal-process';

// The portal's log lines go to standard output in blocks (lib/logger.server.ts). What an operator relies
// on: a warning or an error shows up at once, lines keep their order, and nothing is lost when the
// process exits.

const LOGGER = path.join(PORTAL_DIR, 'app/lib/logger.server.ts');

type Line = { level: number; msg: string };

/** Runs `code` (an ES module body with `logger` in scope) in a portal process; calls `onLines` with each new state of its output. */
function runLogging(code: string, onLines: (lines: Line[], stop: () => void) => void = () => {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { logger } from ${JSON.stringify(LOGGER)};\n${code}`], {
    cwd: PORTAL_DIR,
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Line);
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    onLines(lines(), () => child.kill('SIGKILL'));
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; lines: Line[]; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, lines: lines(), output })));
}

it('writes every line, in order, when the process exits right after logging', async () => {
  const { code, lines } = await runLogging(`for (let i = 0; i < 300; i++) logger.info({ i }, 'line ' + i); process.exit(0);`);
  expect(code).toBe(0);
  expect(lines.map((line) => line.msg)).toEqual(Array.from({ length: 300 }, (_, i) => `line ${i}`));
});

it('writes an error at once, with the lines before it, even while the process is stuck', async () => {
  // after the error the event loop is blocked, and the process then dies without an exit: no timer and no
  // exit handler can run, so only a write started by the error itself (on the thread pool) brings the lines out
  const { lines } = await runLogging(
    `logger.info('before the failure');
     logger.error('the failure');
     const until = Date.now() + 20_000;
     while (Date.now() < until) {}
     process.kill(process.pid, 'SIGKILL');`,
    (lines, stop) => {
      if (lines.some((line) => line.msg === 'the failure')) stop();
    },
  );
  expect(lines.map((line) => [line.level, line.msg])).toEqual([
    [30, 'before the failure'],
    [50, 'the failure'],
  ]);
}, 30_000);

it('writes an info line within a moment while the process is idle', async () => {
  const { lines } = await runLogging(`logger.info('quiet hour'); setTimeout(() => {}, 20_000);`, (lines, stop) => {
    if (lines.length > 0) stop();
  });
  expect(lines.map((line) => line.msg)).toEqual(['quiet hour']);
}, 30_000);
