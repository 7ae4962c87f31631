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
  });
}

export const logger = createLogger();
