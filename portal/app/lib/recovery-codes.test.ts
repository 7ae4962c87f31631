import { generateRecoveryCodes, looksLikeRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('generates ten different codes of two groups of five', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('accepts a code typed in capitals, with spaces or without the dash', () => {
    expect(normalizeRecoveryCode(' ABCDE fghjk ')).toBe('abcdefghjk');
    expect(normalizeRecoveryCode('abcde-fghjk')).toBe('abcdefghjk');
    expect(looksLikeRecoveryCode('ABCDEFGHJK')).toBe(true);
  });

  it('tells a six-digit TOTP code from a recovery code', () => {
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(looksLikeRecoveryCode('1234567890')).toBe(false);
  });
});
