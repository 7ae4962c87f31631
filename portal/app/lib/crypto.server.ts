import { createCipheriv, createDecipheriv, createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { getConfig } from './config.server';

// AES-256-GCM with the key id in the ciphertext: "v1:<key id>:<iv>:<tag>:<ciphertext>" (base64url parts).
// ENCRYPTION_KEYS may hold several keys; the first encrypts, all decrypt, and rotate-keys re-encrypts.

export type EncryptionKey = { id: string; key: Buffer };

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

const VERSION = 'v1';

function keys(): EncryptionKey[] {
  return getConfig().encryptionKeys;
}

/** `context` is bound as additional data, so a ciphertext moved to another column does not decrypt. */
export function encrypt({ plaintext, context }: { plaintext: string; context: string }, keyring = keys()): string {
  const [current] = keyring;
  if (!current) throw new DecryptionError('No encryption key is configured (ENCRYPTION_KEYS)');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
}

export function decrypt({ ciphertext, context }: { ciphertext: string; context: string }, keyring = keys()): string {
  const parts = ciphertext.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError('Not a Monoliet ciphertext');
  const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
  const entry = keyring.find((k) => k.id === keyId);
  if (!entry) throw new DecryptionError(`Encryption key "${keyId}" is not in ENCRYPTION_KEYS`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError(`Decryption failed with key "${keyId}": the key is wrong or the data was altered`);
  }
}

export function keyIdOf(ciphertext: string): string | undefined {
  const parts = ciphertext.split(':');
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
}

/**
 * Decrypts a Fernet token from the original Django portal (cryptography.fernet):
 * 0x80 | timestamp (8) | IV (16) | AES-128-CBC ciphertext | HMAC-SHA256 (32), all base64url.
 */
export function decryptFernet({ token, key }: { token: string; key: string }): string {
  const secret = Buffer.from(key, 'base64url');
  if (secret.length !== 32) throw new DecryptionError('A Fernet key is 32 bytes of url-safe base64');
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 57 || raw[0] !== 0x80) throw new DecryptionError('Not a Fernet token');
  const signed = raw.subarray(0, raw.length - 32);
  const mac = createHmac('sha256', secret.subarray(0, 16)).update(signed).digest();
  if (!timingSafeEqual(mac, raw.subarray(raw.length - 32))) {
    throw new DecryptionError('Fernet signature does not match: wrong key or altered token');
  }
  try {
    const decipher = createDecipheriv('aes-128-cbc', secret.subarray(16), raw.subarray(9, 25));
    return Buffer.concat([decipher.update(raw.subarray(25, raw.length - 32)), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError('Fernet token could not be decrypted');
  }
}

/** SHA-256 in hex, for storing API tokens and one-time links (every API call hashes its token: the one-shot form, no Hash object). */
export function sha256(value: string): string {
  return hash('sha256', value, 'hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
