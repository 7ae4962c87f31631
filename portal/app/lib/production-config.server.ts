// Production refuses to start with a configuration that would run insecurely. Each problem names its
// variable and says how to fix it; the config module reports them all at once.

export type ProductionSettings = {
  sessionSecret: string | undefined;
  encryptionKeys: { id: string; key: Buffer }[] | undefined;
  publicUrl: string | undefined;
  allowInsecurePublicUrl: boolean;
};

// Values that people copy from .env.example or tutorials instead of generating a secret
const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?me|placeholder|example|your[-_ ]?secret/i;
// A random 32+ character secret (hex, base64) uses far more distinct characters than this
const MIN_DISTINCT_CHARACTERS = 12;
const GENERATE_SECRET = 'generate one with `openssl rand -base64 48`';

export function findProductionConfigProblems(settings: ProductionSettings): string[] {
  return [checkSessionSecret(settings.sessionSecret), ...checkEncryptionKeys(settings.encryptionKeys), checkPublicUrl(settings)].filter(
    (problem): problem is string => problem !== null,
  );
}

function checkSessionSecret(secret: string | undefined): string | null {
  if (!secret) return `SESSION_SECRET: required in production (at least 32 random characters; ${GENERATE_SECRET})`;
  if (PLACEHOLDER.test(secret)) return `SESSION_SECRET: still a placeholder value (as in .env.example); ${GENERATE_SECRET}`;
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) return `SESSION_SECRET: too predictable to be random; ${GENERATE_SECRET}`;
  return null;
}

function checkEncryptionKeys(keys: ProductionSettings['encryptionKeys']): string[] {
  if (!keys) return ['ENCRYPTION_KEYS: required in production ("k1:<32 bytes in base64>"; generate a key with `openssl rand -base64 32`)'];
  // a key of one repeated byte (all zeros, a test fixture) encrypts nothing worth keeping secret
  return keys
    .filter(({ key }) => new Set(key).size < MIN_DISTINCT_CHARACTERS)
    .map(({ id }) => `ENCRYPTION_KEYS: key "${id}" is not random; generate one with \`openssl rand -base64 32\``);
}

function checkPublicUrl({ publicUrl, allowInsecurePublicUrl }: ProductionSettings): string | null {
  if (!publicUrl) return 'PUBLIC_URL: required in production (the https:// address users open, e.g. https://portal.agency.example)';
  if (publicUrl.startsWith('https://') || allowInsecurePublicUrl) return null;
  return 'PUBLIC_URL: must start with https:// in production, because sessions and passwords travel over it (set ALLOW_INSECURE_PUBLIC_URL=true only for a trial without TLS)';
}
