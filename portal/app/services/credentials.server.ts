import type { Transaction } from 'sequelize';
import { ApiCredential, Client } from '~/models/index.server';
import { ApiError } from '~/lib/errors.server';
import { hintFor } from './credential-hints';
import { sealSecret } from './secrets.server';

export type NewCredential = {
  clientId: string;
  serviceName: string;
  credentialType: ApiCredential['credentialType'];
  fields: Record<string, string>;
  submittedById?: string | null;
  status?: ApiCredential['status'];
  notes?: string;
};

/** Stores a client's secret encrypted; only a hint of it is ever shown again. */
export async function createCredential(input: NewCredential, transaction?: Transaction): Promise<ApiCredential> {
  if (!(await Client.findByPk(input.clientId, { transaction }))) throw new ApiError('not_found', 'Client not found');
  return ApiCredential.create(
    {
      clientId: input.clientId,
      serviceName: input.serviceName.trim(),
      credentialType: input.credentialType,
      encryptedData: sealSecret({ kind: 'credentialData', plaintext: JSON.stringify({ fields: input.fields }) }),
      hint: hintFor(input.fields),
      status: input.status ?? 'pending',
      notes: input.notes ?? '',
      submittedById: input.submittedById ?? null,
      lastVerified: null,
    },
    { transaction },
  );
}
