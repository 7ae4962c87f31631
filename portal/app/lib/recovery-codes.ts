import { randomInt } from 'node:crypto';

// Recovery codes: ten one-time codes a staff user prints or stores when enrolling TOTP, for the day the
// phone is lost. 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i) give about 50 bits
// each, which is plenty for a code that is rate-limited and works once.
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** What a person typed, as stored: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether the input has the shape of a recovery code (and not of a 6-digit TOTP code). */
export function looksLikeRecoveryCode(input: string): boolean {
  return normalizeRecoveryCode(input).length === GROUP * 2 && !/^\d+$/.test(input.trim());
}
