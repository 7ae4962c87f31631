import type { Transaction } from 'sequelize';
import { sha256 } from '~/lib/crypto.server';
import { ApiError } from '~/lib/errors.server';
import { generateRecoveryCodes, normalizeRecoveryCode } from '~/lib/recovery-codes';
import { createTotpSecret, matchTotpStep, totpQrDataUrl, totpUri } from '~/lib/totp.server';
import { getDb, type User } from '~/models/index.server';
import { confirmPassword } from './account.server';
import { recordAudit } from './audit.server';
import { openSecret, sealSecret } from './secrets.server';
import { getSettings } from './settings.server';

// A staff user's own two-factor setup: enrol (scan, confirm with a code), recovery codes, disable.
// The secret is stored encrypted (secrets.server, kind totpSecret); while totp_enabled_at is null it is
// only a pending enrolment and sign-in does not ask for codes.

export type TwoFactorStatus = { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number };
export type TwoFactorEnrolment = { secret: string; uri: string; qrDataUrl: string };

export function describeTwoFactor(user: User): TwoFactorStatus {
  return { enabled: user.totpEnabledAt !== null, enabledAt: user.totpEnabledAt?.toISOString() ?? null, recoveryCodesLeft: user.recoveryCodes.length };
}

const actorOfUser = (user: User, ip?: string | null) => ({ id: user.id, label: user.email, ip: ip ?? null });
const hashCodes = (codes: string[]) => codes.map((code) => sha256(normalizeRecoveryCode(code)));

/** The pending secret (created on first call, kept across reloads) with its QR code. */
export async function prepareTwoFactorEnrolment({ user }: { user: User }): Promise<TwoFactorEnrolment> {
  if (user.totpEnabledAt) throw new ApiError('conflict', 'Two-factor authentication is already on');
  let secret: string;
  if (user.totpSecret) secret = openSecret({ kind: 'totpSecret', ciphertext: user.totpSecret });
  else {
    secret = createTotpSecret();
    await user.update({ totpSecret: sealSecret({ kind: 'totpSecret', plaintext: secret }) });
  }
  const uri = totpUri({ secret, issuer: (await getSettings()).companyName, account: user.email });
  return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}

/**
 * Turns TOTP on once the user proves the app has the secret. Returns the recovery codes (shown this once,
 * stored hashed). Every other session of the user ends, since it was opened with the password alone.
 */
export async function confirmTwoFactorEnrolment({ user, code, ip }: { user: User; code: string; ip?: string | null }) {
  if (user.totpEnabledAt) throw new ApiError('conflict', 'Two-factor authentication is already on');
  if (!user.totpSecret) throw new ApiError('conflict', 'Start the setup again: there is no pending secret');
  const step = matchTotpStep({ secret: openSecret({ kind: 'totpSecret', ciphertext: user.totpSecret }), code });
  if (step === null) throw new ApiError('invalid_input', 'That code does not match', { code: ['Enter the 6-digit code your app shows now'] });
  const recoveryCodes = generateRecoveryCodes();
  await getDb().transaction(async (transaction) => {
    await user.update({ totpEnabledAt: new Date(), totpLastStep: String(step), recoveryCodes: hashCodes(recoveryCodes), sessionVersion: user.sessionVersion + 1 }, { transaction });
    await recordAudit({ actor: actorOfUser(user, ip), action: 'user.two_factor_enable', target: { type: 'user', id: user.id } }, transaction);
  });
  return { recoveryCodes, user };
}

async function assertPassword({ user, password }: { user: User; password: string }) {
  if (!(await confirmPassword({ userId: user.id, password }))) throw new ApiError('invalid_input', 'Your password is not correct', { password: ['This is not your current password'] });
}

/** New recovery codes replace every old one (used or not); the password is asked again. */
export async function regenerateRecoveryCodes({ user, password, ip }: { user: User; password: string; ip?: string | null }): Promise<string[]> {
  if (!user.totpEnabledAt) throw new ApiError('conflict', 'Two-factor authentication is off');
  await assertPassword({ user, password });
  const recoveryCodes = generateRecoveryCodes();
  await getDb().transaction(async (transaction) => {
    await user.update({ recoveryCodes: hashCodes(recoveryCodes) }, { transaction });
    await recordAudit({ actor: actorOfUser(user, ip), action: 'user.recovery_codes_regenerate', target: { type: 'user', id: user.id } }, transaction);
  });
  return recoveryCodes;
}

/** Turns TOTP off after the password is confirmed; the secret and the recovery codes are wiped. */
export async function disableTwoFactor({ user, password, ip }: { user: User; password: string; ip?: string | null }): Promise<User> {
  if (!user.totpEnabledAt) throw new ApiError('conflict', 'Two-factor authentication is already off');
  await assertPassword({ user, password });
  await getDb().transaction(async (transaction) => {
    await clearTwoFactor({ user, transaction });
    await recordAudit({ actor: actorOfUser(user, ip), action: 'user.two_factor_disable', target: { type: 'user', id: user.id } }, transaction);
  });
  return user;
}

/** Wipes the TOTP setup and ends the user's sessions (a new session version). */
export async function clearTwoFactor({ user, transaction }: { user: User; transaction: Transaction }) {
  await user.update({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [], sessionVersion: user.sessionVersion + 1 }, { transaction });
}

/** For the sign-in page: whether this user must enter a code after the password. */
export function needsSecondFactor(user: Pick<User, 'totpEnabledAt'>): boolean {
  return user.totpEnabledAt !== null;
}
