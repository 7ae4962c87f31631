import pino from 'pino';
import { getConfig } from './config.server';
import { getRequestId } from './request-context.server';

// Secrets never reach a log line: these paths are replaced wherever they appear. Request lines log only
// an allowlist of request fields (server/logging.ts); this list guards what code passes to the logger.
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'secret',
  'totpCode',
  'totpSecret',
  'encryptedData',
];
export const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-n8n-api-key"]',
  'res.headers["set-cookie"]',
];

function createLogger() {
  let level = 'info';
  try {
    level = getConfig().logLevel;
  } catch {
    // a bad config is reported by whoever reads it first; logging still works
  }
  return pino({
    level,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // every line written while serving a request carries that request's id (a line's own requestId
    // wins: pino merges the mixin's fields under the logged object's)
    mixin: () => {
      const requestId = getRequestId();
      return requestId ? { requestId } : {};
    },
  }, logDestination());
}

/** Info lines wait at most this long for a block to fill. */
const LOG_FLUSH_MS = 100;
const LOG_BLOCK_BYTES = 4096;
const WARN = 40;

/**
 * Standard output, written in blocks: a busy portal wrote each request line with a write of its own on
 * the thread pool (about 6 % of a single push's CPU, docs/PERFORMANCE.md). Lines are kept until 4 KB have
 * gathered or for at most LOG_FLUSH_MS, in order; a warning or an error is written at once, with what
 * came before it. pino writes what is left when the process exits.
 */
function logDestination() {
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BLOCK_BYTES, periodicFlush: LOG_FLUSH_MS });
  return {
    // pino sets lastLevel before each write
    [pino.symbols.needsMetadataGsym]: true,
    lastLevel: 0,
    write(line: string) {
      destination.write(line);
      if (this.lastLevel >= WARN) destination.flush();
    },
  };
}

export const logger = createLogger();
