import type { CredentialDto, CredentialUpdate } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertClientAccess, assertStaff } from '~/lib/policy.server';
import { ApiCredential, getDb } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { loadCredentialDto } from './credentials.server';

// Status changes of a credential. Revoking wipes the encrypted values for good (the row keeps the service,
// hint and dates for the history), so a revoked credential can never become active again.

const NOT_FOUND = 'Credential not found';

/** Staff set the status (active stamps last_verified; revoked wipes the values) and the notes. */
export async function updateCredential({ caller, id, input }: { caller: Caller; id: string; input: CredentialUpdate }): Promise<CredentialDto> {
  assertStaff(caller);
  await getDb().transaction(async (transaction) => {
    const credential = await ApiCredential.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!credential) throw new ApiError('not_found', NOT_FOUND);
    const from = credential.status;
    const to = input.status ?? from;
    if (from === 'revoked' && to !== 'revoked') {
      throw new ApiError('conflict', 'This credential was revoked and its values were wiped; ask the client to submit it again');
    }
    await credential.update(
      {
        status: to,
        notes: input.notes ?? credential.notes,
        ...(to === 'active' && input.status ? { lastVerified: new Date() } : {}),
        ...(to === 'revoked' ? { encryptedData: null } : {}),
      },
      { transaction },
    );
    await recordAudit(
      { actor: actorOf(caller), action: to === 'revoked' && from !== 'revoked' ? 'credential.revoke' : 'credential.update', target: { type: 'api_credential', id }, clientId: credential.clientId, metadata: { from, to, notesChanged: input.notes !== undefined } },
      transaction,
    );
  });
  return loadCredentialDto(id);
}

/** DELETE: the client (or staff) revokes a credential. The record stays; the values are wiped. Repeating it changes nothing. */
export async function revokeCredential({ caller, id }: { caller: Caller; id: string }): Promise<void> {
  await getDb().transaction(async (transaction) => {
    const credential = await ApiCredential.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!credential) throw new ApiError('not_found', NOT_FOUND);
    assertClientAccess({ caller, clientId: credential.clientId, notFound: NOT_FOUND });
    if (credential.status === 'revoked') return;
    const from = credential.status;
    await credential.update({ status: 'revoked', encryptedData: null }, { transaction });
    await recordAudit({ actor: actorOf(caller), action: 'credential.revoke', target: { type: 'api_credential', id }, clientId: credential.clientId, metadata: { from, serviceName: credential.serviceName } }, transaction);
  });
}
