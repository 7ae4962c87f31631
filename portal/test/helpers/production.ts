import { randomBytes } from 'node:crypto';

export const PUBLIC_URL = 'https://portal.example';

/**
 * The environment of a production portal behind a TLS-terminating proxy on this machine: real random
 * secrets, an https PUBLIC_URL, and the proxy (loopback) trusted for X-Forwarded-Proto.
 */
export function productionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PUBLIC_URL,
    TRUST_PROXY: 'loopback',
    SESSION_SECRET: randomBytes(36).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    ...overrides,
  };
}

/** What the TLS-terminating proxy adds to a request that reached it over https for PUBLIC_URL. */
export const VIA_HTTPS_PROXY = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': new URL(PUBLIC_URL).host };
