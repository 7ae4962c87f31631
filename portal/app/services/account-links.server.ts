import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { getConfig } from '~/lib/config.server';
import { randomToken, sha256 } from '~/lib/crypto.server';
import { passwordReset, userInvite } from '~/lib/email/templates';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import { getDb, UserToken, type User } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { queueEmails } from './emails.server';
import { getEmailBranding } from './recipients.server';
import { loadUser } from './user-accounts.server';
import { setPassword } from './users.server';

// One-time links that set a password: an invitation (a new account without a password) and a reset.
// Only the SHA-256 of a link's secret is stored. A newer link replaces every older unused link of the
// user, and a link stops working when it is used, expires, or the account is deactivated.

export type AccountLinkPurpose = UserToken['purpose'];
export const LINK_LIFETIME_HOURS: Record<AccountLinkPurpose, number> = { invite: 7 * 24, reset: 2 };

/** Mails a new invitation or reset link to the user (staff). An account with a password gets a reset, never an invitation. */
export async function sendAccountLink({ caller, id, purpose }: { caller: Caller; id: string; purpose: AccountLinkPurpose }) {
  assertStaff(caller);
  const user = await loadUser(id);
  if (!user.isActive) throw new ApiError('conflict', 'This account is deactivated; reactivate it first');
  if (purpose === 'invite' && user.passwordHash) throw new ApiError('conflict', 'This user already has a password; send a password reset instead');
  await getDb().transaction(async (transaction) => {
    const { secret, expiresAt } = await issueLink({ user, purpose, transaction });
    const branding = await getEmailBranding(transaction);
    const url = `${getConfig().publicUrl}${PORTAL_PATHS.setPassword(secret)}`;
    const rendered =
      purpose === 'invite'
        ? userInvite({ branding, name: user.name, url, expiresAt, invitedBy: caller.user.name || caller.user.email, companyName: user.membership?.client?.companyName ?? null })
        : passwordReset({ branding, name: user.name, url, expiresAt });
    const clientId = user.membership?.clientId ?? null;
    await queueEmails([{ template: purpose === 'invite' ? 'user-invite' : 'password-reset', to: [user.email], rendered, clientId }], transaction);
    await recordAudit(
      { actor: actorOf(caller), action: purpose === 'invite' ? 'user.invite_sent' : 'user.password_reset_sent', target: { type: 'user', id }, clientId, metadata: { email: user.email, expiresAt: expiresAt.toISOString() } },
      transaction,
    );
  });
}

async function issueLink({ user, purpose, transaction }: { user: User; purpose: AccountLinkPurpose; transaction: Transaction }) {
  const secret = randomToken(32);
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_HOURS[purpose] * 3_600_000);
  await UserToken.update({ usedAt: new Date() }, { where: { userId: user.id, usedAt: null }, transaction });
  await UserToken.create({ userId: user.id, purpose, tokenHash: sha256(secret), expiresAt, usedAt: null }, { transaction });
  return { secret, expiresAt };
}

export type AccountLinkState =
  | { ok: true; purpose: AccountLinkPurpose; email: string; name: string; expiresAt: string }
  | { ok: false; problem: 'unknown' | 'expired' | 'used' | 'inactive' };

export const LINK_PROBLEMS: Record<Exclude<AccountLinkState, { ok: true }>['problem'], string> = {
  unknown: 'This link is not valid. Check that you copied the whole link from the mail.',
  expired: 'This link has expired. Ask the agency to send you a new one.',
  used: 'This link was already used, or a newer link was sent. Use the newest mail, or ask the agency for a new link.',
  inactive: 'This account is deactivated. Ask the agency if you think this is a mistake.',
};

async function findLink(secret: string, transaction?: Transaction) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  return UserToken.findOne({ where: { tokenHash: sha256(secret) }, include: [{ association: 'user' }], transaction, ...(transaction ? { lock: { level: transaction.LOCK.UPDATE, of: UserToken } } : {}) });
}

function problemOf(link: UserToken | null): AccountLinkState {
  if (!link?.user) return { ok: false, problem: 'unknown' };
  if (!link.user.isActive) return { ok: false, problem: 'inactive' };
  if (link.usedAt) return { ok: false, problem: 'used' };
  if (link.expiresAt.getTime() <= Date.now()) return { ok: false, problem: 'expired' };
  return { ok: true, purpose: link.purpose, email: link.user.email, name: link.user.name, expiresAt: link.expiresAt.toISOString() };
}

/** What the set-password page shows for a link. */
export async function describeAccountLink(secret: string): Promise<AccountLinkState> {
  return problemOf(await findLink(secret));
}

/**
 * Sets the password through a link and uses the link up, in one transaction (the row is locked, so a
 * double submit sets it once). Every session of the user ends (setPassword bumps the session version).
 */
export async function setPasswordWithLink({ secret, password, ip }: { secret: string; password: string; ip?: string | null }): Promise<void> {
  await getDb().transaction(async (transaction) => {
    const link = await findLink(secret, transaction);
    const state = problemOf(link);
    if (!state.ok) throw new ApiError('conflict', LINK_PROBLEMS[state.problem]);
    const user = link!.user!;
    await setPassword({ userId: user.id, password }, transaction);
    await link!.update({ usedAt: new Date() }, { transaction });
    await recordAudit({ actor: { id: user.id, label: user.email, ip }, action: link!.purpose === 'invite' ? 'user.invite_accepted' : 'user.password_reset', target: { type: 'user', id: user.id } }, transaction);
  });
}
