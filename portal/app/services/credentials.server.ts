import type { CredentialCreate, CredentialDto, CredentialListQuery } from '@monoliet/contract';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertClientAccess, clientScopeOf } from '~/lib/policy.server';
import { ApiCredential, Client, getDb, User } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { escapeLike } from './clients.server';
import { notifyCredentialSubmitted } from './credential-notifications.server';
import { hintFor } from './credential-hints';
import { resolveOwningClient } from './owning-client.server';
import { sealSecret } from './secrets.server';

// A credential's values are sealed on arrival and never leave this module again; every read returns the
// DTO below. Only credential-reveal.server.ts opens them, for staff, audited.

export type NewCredential = {
  clientId: string;
  serviceName: string;
  credentialType: ApiCredential['credentialType'];
  fields: Record<string, string>;
  submittedById?: string | null;
  status?: ApiCredential['status'];
  notes?: string;
};

const NOT_FOUND = 'Credential not found';
const INCLUDES = [{ model: User, as: 'submittedBy', attributes: ['id', 'name', 'email'] }];

/** Stores a client's secret encrypted; only a hint of it is ever shown again. A revoked one keeps no values. */
export async function createCredential(input: NewCredential, transaction?: Transaction): Promise<ApiCredential> {
  if (!(await Client.findByPk(input.clientId, { transaction }))) throw new ApiError('not_found', 'Client not found');
  const revoked = input.status === 'revoked';
  return ApiCredential.create(
    {
      clientId: input.clientId,
      serviceName: input.serviceName.trim(),
      credentialType: input.credentialType,
      encryptedData: revoked ? null : sealSecret({ kind: 'credentialData', plaintext: JSON.stringify({ fields: input.fields }) }),
      hint: hintFor(input.fields),
      status: input.status ?? 'pending',
      notes: input.notes ?? '',
      submittedById: input.submittedById ?? null,
      lastVerified: null,
    },
    { transaction },
  );
}

export function toCredentialDto(credential: ApiCredential): CredentialDto {
  const by = credential.submittedBy;
  return {
    id: credential.id,
    clientId: credential.clientId,
    serviceName: credential.serviceName,
    credentialType: credential.credentialType,
    status: credential.status,
    hint: credential.hint,
    notes: credential.notes,
    submittedBy: by ? { id: by.id, name: by.name.trim() || by.email.split('@')[0]! } : null,
    lastVerified: credential.lastVerified?.toISOString() ?? null,
    createdAt: credential.createdAt.toISOString(),
    updatedAt: credential.updatedAt.toISOString(),
  };
}

export async function loadCredentialDto(id: string): Promise<CredentialDto> {
  return toCredentialDto((await ApiCredential.findByPk(id, { include: INCLUDES }))!);
}

/** A client user or token submits for its own client; staff name the client. Audited as credential.create. */
export async function submitCredential({ caller, input }: { caller: Caller; input: CredentialCreate }): Promise<CredentialDto> {
  const clientId = await resolveOwningClient({ caller, requested: input.clientId, noun: 'credential' });
  const id = await getDb().transaction(async (transaction) => {
    const credential = await createCredential(
      { clientId, serviceName: input.serviceName, credentialType: input.credentialType, fields: input.fields, notes: input.notes, submittedById: caller.user.id },
      transaction,
    );
    await recordAudit(
      {
        actor: actorOf(caller),
        action: 'credential.create',
        target: { type: 'api_credential', id: credential.id },
        clientId,
        // the field names help staff; the values never enter the audit log
        metadata: { serviceName: credential.serviceName, credentialType: credential.credentialType, fieldNames: Object.keys(input.fields) },
      },
      transaction,
    );
    await notifyCredentialSubmitted({ credentialId: credential.id }, transaction);
    return credential.id;
  });
  return loadCredentialDto(id);
}

export async function listCredentials({ caller, query }: { caller: Caller; query: CredentialListQuery }) {
  const own = clientScopeOf(caller);
  const conditions: WhereOptions<ApiCredential>[] = [];
  if (own) conditions.push({ clientId: own });
  if (query.client) conditions.push({ clientId: query.client });
  if (query.status) conditions.push({ status: query.status });
  if (query.type) conditions.push({ credentialType: query.type });
  if (query.search) conditions.push({ serviceName: { [Op.iLike]: `%${escapeLike(query.search)}%` } });
  const page = await paginate({
    model: ApiCredential,
    where: { [Op.and]: conditions },
    order: parseOrder(query.order),
    limit: query.limit,
    cursor: query.cursor,
    include: INCLUDES,
    // the ciphertext is never even loaded for a list
    attributes: { exclude: ['encryptedData'] },
  });
  return { data: page.rows.map(toCredentialDto), nextCursor: page.nextCursor };
}

export async function getCredential({ caller, id }: { caller: Caller; id: string }): Promise<CredentialDto> {
  const credential = await ApiCredential.findByPk(id, { include: INCLUDES, attributes: { exclude: ['encryptedData'] } });
  if (!credential) throw new ApiError('not_found', NOT_FOUND);
  assertClientAccess({ caller, clientId: credential.clientId, notFound: NOT_FOUND });
  return toCredentialDto(credential);
}
