import { randomBytes } from 'node:crypto';
import { findProductionConfigProblems, type ProductionSettings } from './production-config.server';

const secure: ProductionSettings = {
  sessionSecret: randomBytes(36).toString('base64'),
  encryptionKeys: [{ id: 'k1', key: randomBytes(32) }],
  publicUrl: 'https://portal.agency.example',
  allowInsecurePublicUrl: false,
};
const problemsWith = (overrides: Partial<ProductionSettings>) => findProductionConfigProblems({ ...secure, ...overrides });

describe('production configuration', () => {
  it('accepts random secrets and an https address', () => {
    expect(findProductionConfigProblems(secure)).toEqual([]);
  });

  it('refuses a missing, placeholder or predictable session secret', () => {
    expect(problemsWith({ sessionSecret: undefined })).toEqual([expect.stringMatching(/^SESSION_SECRET: required in production/)]);
    expect(problemsWith({ sessionSecret: 'change-me-generate-with-openssl-rand-base64-48' })).toEqual([expect.stringMatching(/^SESSION_SECRET: still a placeholder/)]);
    expect(problemsWith({ sessionSecret: 'replace_me_with_a_long_random_string_please' })).toEqual([expect.stringMatching(/placeholder/)]);
    expect(problemsWith({ sessionSecret: 'abababababababababababababababab' })).toEqual([expect.stringMatching(/^SESSION_SECRET: too predictable/)]);
  });

  it('refuses missing encryption keys and a key that is not random', () => {
    expect(problemsWith({ encryptionKeys: undefined })).toEqual([expect.stringMatching(/^ENCRYPTION_KEYS: required in production/)]);
    const keys = [
      { id: 'k2', key: randomBytes(32) },
      { id: 'k1', key: Buffer.alloc(32, 7) },
    ];
    expect(problemsWith({ encryptionKeys: keys })).toEqual(['ENCRYPTION_KEYS: key "k1" is not random; generate one with `openssl rand -base64 32`']);
  });

  it('requires an https PUBLIC_URL unless plain http is explicitly allowed', () => {
    expect(problemsWith({ publicUrl: undefined })).toEqual([expect.stringMatching(/^PUBLIC_URL: required in production/)]);
    expect(problemsWith({ publicUrl: 'http://portal.agency.example' })).toEqual([expect.stringMatching(/^PUBLIC_URL: must start with https:\/\/.*ALLOW_INSECURE_PUBLIC_URL=true/)]);
    expect(problemsWith({ publicUrl: 'http://localhost:3000', allowInsecurePublicUrl: true })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(findProductionConfigProblems({ sessionSecret: undefined, encryptionKeys: undefined, publicUrl: 'http://x.example', allowInsecurePublicUrl: false })).toHaveLength(3);
  });
});
