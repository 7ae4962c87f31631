import type { User } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { authenticate, recordLogin } from './users.server';

export type SignInResult = { ok: true; user: User } | { ok: false; message: string };

const FAILED = 'That email and password do not match an active account.';

/** Checks the credentials and writes the outcome to the audit log. */
export async function signIn({ email, password, ip }: { email: string; password: string; ip?: string | null }): Promise<SignInResult> {
  const user = await authenticate({ email, password });
  if (!user) {
    await recordAudit({ actor: { id: null, label: email.trim().toLowerCase(), ip }, action: 'auth.sign_in_failed' });
    return { ok: false, message: FAILED };
  }
  await recordLogin(user.id);
  await recordAudit({ actor: { id: user.id, label: user.email, ip }, action: 'auth.sign_in', target: { type: 'user', id: user.id } });
  return { ok: true, user };
}
