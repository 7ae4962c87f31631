import type { Caller } from '~/lib/caller.server';
import { confirmPassword } from './account.server';

export type StaffProof = { password: string };

/**
 * The one check a staff user passes again before a sensitive action (revealing a credential): their current
 * password. This is the place where a second factor (TOTP) joins the check once staff 2FA exists, so every
 * sensitive action gets it at once; callers pass what the user typed and audit the outcome.
 */
export async function verifyStaffProof({ caller, proof }: { caller: Caller; proof: StaffProof }): Promise<boolean> {
  return confirmPassword({ userId: caller.user.id, password: proof.password });
}
