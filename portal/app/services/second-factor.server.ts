import { QueryTypes } from 'sequelize';
import { looksLikeRecoveryCode, normalizeRecoveryCode } from '~/lib/recovery-codes';
import { sha256 } from '~/lib/crypto.server';
import { matchTotpStep } from '~/lib/totp.server';
import { getDb, type User } from '~/models/index.server';
import { recordAudit, type Actor } from './audit.server';
import { checkCodeAllowed, clearWrongCodes, CODE_LOCK_SECONDS, describeCodeThrottle, recordWrongCode } from './second-factor-throttle.server';
import { openSecret } from './secrets.server';

export type SecondFactorMethod = 'totp' | 'recovery_code';
export type SecondFactorResult =
  | { ok: true; method: SecondFactorMethod }
  | { ok: false; reason: 'not_enrolled' | 'invalid_code'; message: string }
  | { ok: false; reason: 'rate_limited'; message: string; retryAfterSeconds: number };

const WRONG = 'That code is not right. Enter the current code from your authenticator app, or one of your recovery codes.';

/**
 * Checks a second factor of a user with TOTP: a current 6-digit code (each accepted once) or an unused
 * recovery code (used up by this call). Wrong codes are rate-limited per user and audited. The sign-in's
 * second step and the confirmation of sensitive actions (revealing a credential) both call this, so their
 * wrong codes count together. Sensitive actions take TOTP codes only (`allowRecoveryCode: false`): the
 * password confirms them as well, so a recovery code would be used up for nothing.
 */
export async function verifyStaffSecondFactor({ user, code, ip = null, allowRecoveryCode = true }: { user: User; code: string; ip?: string | null; allowRecoveryCode?: boolean }): Promise<SecondFactorResult> {
  if (!user.totpEnabledAt || !user.totpSecret) return { ok: false, reason: 'not_enrolled', message: 'Two-factor authentication is not set up for this account.' };
  const actor: Actor = { id: user.id, label: user.email, ip };
  const before = await checkCodeAllowed(user.id);
  if (!before.allowed) return { ok: false, reason: 'rate_limited', message: describeCodeThrottle(before.retryAfterSeconds), retryAfterSeconds: before.retryAfterSeconds };

  const method: SecondFactorMethod = allowRecoveryCode && looksLikeRecoveryCode(code) ? 'recovery_code' : 'totp';
  const accepted = method === 'recovery_code' ? await useRecoveryCode({ user, code, actor }) : await useTotpCode({ user, code });
  if (accepted) {
    await clearWrongCodes(user.id);
    return { ok: true, method };
  }
  await recordAudit({ actor, action: 'auth.second_factor_failed', target: { type: 'user', id: user.id }, metadata: { method } });
  const { verdict, lockedNow } = await recordWrongCode(user.id);
  if (lockedNow) await recordAudit({ actor, action: 'auth.second_factor_locked', target: { type: 'user', id: user.id }, metadata: { lockedForSeconds: CODE_LOCK_SECONDS } });
  if (!verdict.allowed) return { ok: false, reason: 'rate_limited', message: describeCodeThrottle(verdict.retryAfterSeconds), retryAfterSeconds: verdict.retryAfterSeconds };
  return { ok: false, reason: 'invalid_code', message: WRONG };
}

/** A current TOTP code, accepted only if its time step is newer than the last accepted one (no replay). */
async function useTotpCode({ user, code }: { user: User; code: string }): Promise<boolean> {
  const step = matchTotpStep({ secret: openSecret({ kind: 'totpSecret', ciphertext: user.totpSecret! }), code });
  if (step === null) return false;
  const rows = await getDb().query(
    `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    { bind: [user.id, step], type: QueryTypes.SELECT },
  );
  return rows.length === 1;
}

/** Removes the code from the unused ones in one statement, so two requests cannot both use it. */
async function useRecoveryCode({ user, code, actor }: { user: User; code: string; actor: Actor }): Promise<boolean> {
  const hash = sha256(normalizeRecoveryCode(code));
  const rows = await getDb().query<{ remaining: number }>(
    `UPDATE users SET recovery_codes = recovery_codes - $2::text
      WHERE id = $1 AND totp_enabled_at IS NOT NULL AND recovery_codes @> to_jsonb($2::text)
      RETURNING jsonb_array_length(recovery_codes) AS remaining`,
    { bind: [user.id, hash], type: QueryTypes.SELECT },
  );
  if (rows.length !== 1) return false;
  await recordAudit({ actor, action: 'auth.recovery_code_used', target: { type: 'user', id: user.id }, metadata: { remaining: rows[0]!.remaining } });
  return true;
}
