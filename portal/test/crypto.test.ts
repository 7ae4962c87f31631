import { randomBytes } from 'node:crypto';
import { decrypt, decryptFernet, DecryptionError, encrypt, keyIdOf, sha256 } from '~/lib/crypto.server';
import { resetConfig } from '~/lib/config.server';
import { ApiCredential } from '~/models/index.server';
import { createCredential } from '~/services/credentials.server';
import { rotateEncryptionKeys } from '~/services/key-rotation.server';
import { openSecret } from '~/services/secrets.server';
import { buildClient } from './factories';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('credential encryption', () => {
  const [k1, k2] = [key('k1'), key('k2')];

  it('round-trips with AES-256-GCM and names its key in the ciphertext', () => {
    const sealed = encrypt({ plaintext: 'sk_live_123', context: 'test' }, [k1]);
    expect(sealed).toMatch(/^v1:k1:/);
    expect(sealed).not.toContain('sk_live_123');
    expect(keyIdOf(sealed)).toBe('k1');
    expect(decrypt({ ciphertext: sealed, context: 'test' }, [k1])).toBe('sk_live_123');
  });

  it('encrypts with the first key and still decrypts with the older ones', () => {
    const old = encrypt({ plaintext: 'old secret', context: 'test' }, [k1]);
    const fresh = encrypt({ plaintext: 'new secret', context: 'test' }, [k2, k1]);
    expect(keyIdOf(fresh)).toBe('k2');
    expect(decrypt({ ciphertext: old, context: 'test' }, [k2, k1])).toBe('old secret');
  });

  it('says which key is missing when it is not configured', () => {
    const sealed = encrypt({ plaintext: 'x', context: 'test' }, [k1]);
    expect(() => decrypt({ ciphertext: sealed, context: 'test' }, [k2])).toThrow('Encryption key "k1" is not in ENCRYPTION_KEYS');
  });

  it('refuses a wrong key, altered data or another column', () => {
    const sealed = encrypt({ plaintext: 'x', context: 'a' }, [k1]);
    expect(() => decrypt({ ciphertext: sealed, context: 'a' }, [{ id: 'k1', key: randomBytes(32) }])).toThrow(DecryptionError);
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => decrypt({ ciphertext: parts.join(':'), context: 'a' }, [k1])).toThrow(/wrong or the data was altered/);
    expect(() => decrypt({ ciphertext: sealed, context: 'b' }, [k1])).toThrow(DecryptionError);
  });

  it('reads Fernet tokens from the original portal (spec test vector)', () => {
    const fernetKey = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
    const token = 'gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==';
    expect(decryptFernet({ token, key: fernetKey })).toBe('hello');
    expect(() => decryptFernet({ token, key: Buffer.alloc(32, 1).toString('base64url') })).toThrow(/wrong key/);
  });
});

describe('rotate-keys', () => {
  const original = process.env.ENCRYPTION_KEYS!;
  afterEach(() => {
    process.env.ENCRYPTION_KEYS = original;
    resetConfig();
  });

  it('re-encrypts every stored secret under the new first key, and a re-run has nothing to do', async () => {
    const client = await buildClient();
    for (const service of ['Shopify', 'Xero', 'HubSpot']) {
      await createCredential({ clientId: client.id, serviceName: service, credentialType: 'api_key', fields: { apiKey: `${service}-secret-value` } });
    }
    process.env.ENCRYPTION_KEYS = `new1:${randomBytes(32).toString('base64')},${original}`;
    resetConfig();

    const first = await rotateEncryptionKeys();
    expect(first.rotated.api_credentials).toBe(3);
    const rows = await ApiCredential.findAll({ order: [['serviceName', 'ASC']] });
    expect(rows.map((r) => keyIdOf(r.encryptedData!))).toEqual(['new1', 'new1', 'new1']);
    expect(JSON.parse(openSecret({ kind: 'credentialData', ciphertext: rows[0]!.encryptedData! }))).toEqual({ fields: { apiKey: 'HubSpot-secret-value' } });

    const second = await rotateEncryptionKeys();
    expect(second.rotated.api_credentials).toBe(0);
  });

  it('stops with a clear error when no configured key opens a value', async () => {
    await ApiCredential.destroy({ where: {} });
    const client = await buildClient();
    const credential = await createCredential({ clientId: client.id, serviceName: 'Slack', credentialType: 'api_key', fields: { token: 'xoxb-123456789' } });
    process.env.ENCRYPTION_KEYS = `other:${randomBytes(32).toString('base64')}`;
    resetConfig();
    await expect(rotateEncryptionKeys()).rejects.toThrow(`api_credentials ${credential.id} (key "test1")`);
  });
});

describe('token hashes', () => {
  it('are SHA-256 in lowercase hex, so tokens stored by earlier versions still match', () => {
    // FIPS 180-2's test vectors
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
