import type { Transaction } from 'sequelize';
import { ApiCredential } from '~/models/index.server';
import { credentialPayload } from './event-payloads.server';
import { publishEvent } from './events.server';

// Called by the credential services inside the transaction that made the change.

/** credential.submitted: webhooks only; the payload never carries the secret. */
export async function notifyCredentialSubmitted({ credentialId }: { credentialId: string }, transaction: Transaction) {
  const credential = await ApiCredential.findByPk(credentialId, { transaction });
  if (!credential) throw new Error(`Credential ${credentialId} not found`);
  return publishEvent({ event: 'credential.submitted', data: { credential: credentialPayload(credential) }, clientId: credential.clientId }, transaction);
}
