import type { RevealedCredential } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { ApiCredential } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { openSecret } from './secrets.server';
import { verifyStaffProof } from './staff-reauth.server';

/**
 * The one way a credential's values leave the portal: a staff user who proves again who they are
 * (verifyStaffProof: the password now, TOTP there once staff 2FA lands).
 * Every reveal is in the audit log (credential.reveal), and so is every refused attempt.
 */
export async function revealCredential({ caller, id, password }: { caller: Caller; id: string; password: string }): Promise<RevealedCredential> {
  assertStaff(caller);
  const credential = await ApiCredential.findByPk(id);
  if (!credential) throw new ApiError('not_found', 'Credential not found');
  const target = { type: 'api_credential', id };
  if (!(await verifyStaffProof({ caller, proof: { password } }))) {
    await recordAudit({ actor: actorOf(caller), action: 'credential.reveal_denied', target, clientId: credential.clientId, metadata: { reason: 'wrong password' } });
    throw new ApiError('forbidden', 'That is not your password; the values stay hidden', { password: ['not your current password'] });
  }
  if (!credential.encryptedData) throw new ApiError('conflict', 'This credential was revoked and its values were wiped');
  const { fields } = JSON.parse(openSecret({ kind: 'credentialData', ciphertext: credential.encryptedData })) as { fields: Record<string, string> };
  await recordAudit({ actor: actorOf(caller), action: 'credential.reveal', target, clientId: credential.clientId, metadata: { serviceName: credential.serviceName, fieldNames: Object.keys(fields) } });
  return { id: credential.id, serviceName: credential.serviceName, credentialType: credential.credentialType, fields };
}
