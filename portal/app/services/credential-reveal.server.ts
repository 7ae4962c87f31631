import type { RevealedCredential } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { ApiCredential } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { openSecret } from './secrets.server';
import { verifyStaffProof, type StaffProof, type StaffProofResult } from './staff-reauth.server';

/**
 * The one way a credential's values leave the portal: a staff user who proves again who they are
 * (verifyStaffProof: their password, or a current code of their authenticator app; wrong ones of either are
 * rate-limited per user). Every reveal is in the audit log (credential.reveal), and so is every refused attempt.
 */
export async function revealCredential({ caller, id, proof }: { caller: Caller; id: string; proof: StaffProof }): Promise<RevealedCredential> {
  assertStaff(caller);
  const credential = await ApiCredential.findByPk(id);
  if (!credential) throw new ApiError('not_found', 'Credential not found');
  const target = { type: 'api_credential', id };
  const verdict = await verifyStaffProof({ caller, proof });
  if (!verdict.ok) {
    await recordAudit({ actor: actorOf(caller), action: 'credential.reveal_denied', target, clientId: credential.clientId, metadata: { reason: DENIED_REASONS[verdict.reason] } });
    throw refusal(verdict);
  }
  if (!credential.encryptedData) throw new ApiError('conflict', 'This credential was revoked and its values were wiped');
  const { fields } = JSON.parse(openSecret({ kind: 'credentialData', ciphertext: credential.encryptedData })) as { fields: Record<string, string> };
  await recordAudit({ actor: actorOf(caller), action: 'credential.reveal', target, clientId: credential.clientId, metadata: { serviceName: credential.serviceName, fieldNames: Object.keys(fields), confirmedWith: verdict.method } });
  return { id: credential.id, serviceName: credential.serviceName, credentialType: credential.credentialType, fields };
}

type Refused = Extract<StaffProofResult, { ok: false }>;

const DENIED_REASONS: Record<Refused['reason'], string> = {
  wrong_password: 'wrong password',
  invalid_code: 'wrong code',
  not_enrolled: 'no two-factor set up',
  rate_limited: 'codes locked after wrong ones',
  passwords_locked: 'password locked after wrong ones',
};

function refusal(verdict: Refused): ApiError {
  if (verdict.reason === 'wrong_password') {
    return new ApiError('forbidden', `${verdict.message}; the values stay hidden`, { password: ['not your current password'] });
  }
  if (verdict.reason === 'rate_limited' || verdict.reason === 'passwords_locked') {
    const field = verdict.reason === 'rate_limited' ? 'code' : 'password';
    return new ApiError('rate_limited', verdict.message, { [field]: [verdict.message] }, { 'Retry-After': String(verdict.retryAfterSeconds) });
  }
  return new ApiError('forbidden', `${verdict.message}; the values stay hidden`, { code: [verdict.message] });
}
