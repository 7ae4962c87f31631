import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findProductionConfigProblems } from './production-config.server';
import { trustProxySetting } from './trust-proxy';

// The only reader of process.env. Everything else asks getConfig().

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const encryptionKeys = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const keys = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    const parsed: { id: string; key: Buffer }[] = [];
    for (const entry of keys) {
      const [id, material] = entry.split(':');
      const key = material ? Buffer.from(material, 'base64') : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'each key must look like "<id>:<32 bytes in base64>", for example "k1:' + randomBytes(32).toString('base64') + '"',
        });
        return z.NEVER;
      }
      parsed.push({ id, key });
    }
    if (new Set(parsed.map((k) => k.id)).size !== parsed.length) {
      ctx.addIssue({ code: 'custom', message: 'key ids must be unique' });
      return z.NEVER;
    }
    return parsed;
  });

// Browser origins allowed to call /api/v1 (CORS): "https://app.example.com,https://ops.example.com"
const corsOrigins = z.string().transform((value, ctx) => {
  const origins: string[] = [];
  for (const entry of value.split(',').map((o) => o.trim()).filter(Boolean)) {
    const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
    if (origin === 'null' || origin !== entry.replace(/\/+$/, '')) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin like https://app.example.com (scheme, host and port only)` });
      return z.NEVER;
    }
    origins.push(origin);
  }
  return origins;
});

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEYS: encryptionKeys.optional(),
  PUBLIC_URL: z.url().optional(),
  ALLOW_INSECURE_PUBLIC_URL: booleanFlag,
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.string().min(3).default('Monoliet <no-reply@monoliet.local>'),
  N8N_URL: z.url().optional(),
  N8N_API_KEY: z.string().min(1).optional(),
  CORS_ORIGINS: corsOrigins.optional(),
  TRUST_PROXY: trustProxySetting.optional(),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REQUIRE_STAFF_2FA: booleanFlag,
  LOAD_SAMPLE_DATA: z.enum(['auto', 'never']).default('auto'),
  // off: this process serves requests and queues jobs, but runs none (a web-only replica; workers elsewhere)
  RUN_JOBS: z.enum(['on', 'off']).default('on'),
});

export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= buildConfig(process.env);
  return cached;
}

/** Tests and the embedded database change the environment at run time; this forgets the parsed copy. */
export function resetConfig() {
  cached = undefined;
}

function emptyToUndefined(env: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function buildConfig(rawEnv: NodeJS.ProcessEnv) {
  const result = EnvSchema.safeParse(emptyToUndefined(rawEnv));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  if (isProduction) refuseInsecureProductionConfig(env);
  const secrets = isProduction ? { sessionSecret: env.SESSION_SECRET!, encryptionKeys: env.ENCRYPTION_KEYS! } : loadDevSecrets({ env, dataDir });
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sessionSecret: secrets.sessionSecret,
    encryptionKeys: secrets.encryptionKeys,
    publicUrl,
    isHttps: publicUrl.startsWith('https://'),
    allowInsecurePublicUrl: env.ALLOW_INSECURE_PUBLIC_URL,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    n8nUrl: env.N8N_URL,
    n8nApiKey: env.N8N_API_KEY,
    corsOrigins: env.CORS_ORIGINS ?? [],
    trustProxy: env.TRUST_PROXY,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    logLevel: env.LOG_LEVEL,
    requireStaff2fa: env.REQUIRE_STAFF_2FA,
    loadSampleData: env.LOAD_SAMPLE_DATA,
    runJobs: env.RUN_JOBS === 'on',
  };
}

type ParsedEnv = z.infer<typeof EnvSchema>;

function refuseInsecureProductionConfig(env: ParsedEnv) {
  const problems = findProductionConfigProblems({
    sessionSecret: env.SESSION_SECRET,
    encryptionKeys: env.ENCRYPTION_KEYS,
    publicUrl: env.PUBLIC_URL,
    allowInsecurePublicUrl: env.ALLOW_INSECURE_PUBLIC_URL,
  });
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

const DevSecretsSchema = z.object({ sessionSecret: z.string().min(32), encryptionKey: z.string().min(1) });

// Dev secrets are generated once and kept in the git-ignored data folder, so restarts keep sessions and
// can still decrypt what they stored.
function loadDevSecrets({ env, dataDir }: { env: ParsedEnv; dataDir: string }) {
  if (env.SESSION_SECRET && env.ENCRYPTION_KEYS) {
    return { sessionSecret: env.SESSION_SECRET, encryptionKeys: env.ENCRYPTION_KEYS };
  }
  const file = path.join(dataDir, 'secrets.json');
  let stored: z.infer<typeof DevSecretsSchema>;
  if (existsSync(file)) {
    stored = DevSecretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } else {
    stored = { sessionSecret: randomBytes(32).toString('hex'), encryptionKey: `dev1:${randomBytes(32).toString('base64')}` };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret,
    encryptionKeys: env.ENCRYPTION_KEYS ?? encryptionKeys.parse(stored.encryptionKey),
  };
}
