import pino from 'pino';
import { getConfig } from './config.server';

// Secrets never reach a log line: these paths are replaced wherever they appear.
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
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
  return pino({ level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export const logger = createLogger();
