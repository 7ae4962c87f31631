import { ConfigError, getConfig, resetConfig } from '~/lib/config.server';
import { startPortal } from './helpers/portal-process';

describe('configuration', () => {
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

  it('names each invalid variable', () => {
    expect(configWith({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(configWith({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(configWith({ PORT: '3000', DATABASE_URL: 'mysql://nope' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('runs jobs unless RUN_JOBS=off, and names a wrong value', () => {
    delete process.env.RUN_JOBS;
    expect(configWith({})().runJobs).toBe(true);
    expect(configWith({ RUN_JOBS: 'off' })().runJobs).toBe(false);
    expect(configWith({ RUN_JOBS: 'maybe' })).toThrow(/RUN_JOBS/);
  });

  it('requires real secrets in production', () => {
    delete process.env.SESSION_SECRET;
    expect(configWith({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/);
  });

  it('reads several encryption keys, the first one encrypting', () => {
    const a = Buffer.alloc(32, 1).toString('base64');
    const b = Buffer.alloc(32, 2).toString('base64');
    const config = configWith({ ENCRYPTION_KEYS: `new:${a}, old:${b}` })();
    expect(config.encryptionKeys.map((k) => k.id)).toEqual(['new', 'old']);
  });

  it('stops the server at start with a message naming the variable', async () => {
    await expect(startPortal({ env: { SESSION_SECRET: 'too-short' } })).rejects.toThrow(/SESSION_SECRET: must be at least 32 characters/);
  });
});
