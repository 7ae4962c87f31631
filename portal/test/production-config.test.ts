import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, getConfig, resetConfig } from '~/lib/config.server';
import { startPortal } from './helpers/portal-process';
import { productionEnv } from './helpers/production';

const envExample = readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
const exampleValue = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(envExample)![1]!;

describe('production configuration at start', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetConfig();
  });
  const configWith = (env: Record<string, string | undefined>) => {
    Object.assign(process.env, env);
    resetConfig();
    return getConfig;
  };

  it('refuses to start with the placeholder secrets copied from .env.example, naming the variable', async () => {
    await expect(startPortal({ env: productionEnv({ SESSION_SECRET: exampleValue('SESSION_SECRET') }) })).rejects.toThrow(
      /Invalid configuration:\n\s+SESSION_SECRET: still a placeholder value/,
    );
    expect(configWith(productionEnv({ ENCRYPTION_KEYS: exampleValue('ENCRYPTION_KEYS') }))).toThrow(/ENCRYPTION_KEYS: each key must look like/);
  });

  it('refuses a missing encryption key', () => {
    expect(configWith({ ...productionEnv(), ENCRYPTION_KEYS: undefined })).toThrow(/ENCRYPTION_KEYS: required in production/);
  });

  it('refuses an http PUBLIC_URL in production unless ALLOW_INSECURE_PUBLIC_URL=true', async () => {
    expect(configWith(productionEnv({ PUBLIC_URL: 'http://portal.example' }))).toThrow(ConfigError);
    expect(configWith(productionEnv({ PUBLIC_URL: 'http://portal.example' }))).toThrow(/PUBLIC_URL: must start with https:\/\//);
    const portal = await startPortal({ env: productionEnv({ PUBLIC_URL: 'http://localhost:3000', ALLOW_INSECURE_PUBLIC_URL: 'true' }) });
    try {
      const response = await fetch(`${portal.url}/healthz`);
      expect(response.status).toBe(200);
      // HSTS over plain http would be meaningless; the rest of the headers still apply
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await portal.stop();
    }
  });

  it('names a TRUST_PROXY or CORS_ORIGINS value it cannot use', () => {
    expect(configWith({ TRUST_PROXY: 'sometimes' })).toThrow(/TRUST_PROXY: "sometimes" is not an address/);
    expect(configWith({ TRUST_PROXY: undefined, CORS_ORIGINS: 'https://ok.example, https://bad.example/path' })).toThrow(/CORS_ORIGINS: "https:\/\/bad\.example\/path" is not an origin/);
    expect(configWith({ CORS_ORIGINS: 'https://ok.example/, https://also.example:8443' })().corsOrigins).toEqual(['https://ok.example', 'https://also.example:8443']);
  });
});
