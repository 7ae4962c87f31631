import { randomBytes } from 'node:crypto';

// The portal runs as in production (NODE_ENV=production, the vite build, request logging at info). The bench
// process shares its secrets, so what it seals (an n8n API key) the portal can open.
export const PORTAL_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  SESSION_SECRET: randomBytes(36).toString('base64'),
  ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  PUBLIC_URL: 'http://127.0.0.1',
  ALLOW_INSECURE_PUBLIC_URL: 'true',
  LOAD_SAMPLE_DATA: 'never',
  LOG_LEVEL: 'info',
};

export function applyPortalEnv() {
  Object.assign(process.env, PORTAL_ENV, { LOG_LEVEL: 'warn' });
}
