import type { ClientCreate, ClientDto, ClientListQuery, ClientUpdate } from '@monoliet/contract';
import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertClientAccess, assertStaff, clientScopeOf, isStaff } from '~/lib/policy.server';
import { Client, getDb } from '~/models/index.server';
import { recordAudit } from './audit.server';

export function toClientDto(client: Client, { includeNotes }: { includeNotes: boolean }): ClientDto {
  return {
    id: client.id,
    slug: client.slug,
    companyName: client.companyName,
    contactName: client.contactName,
    email: client.email,
    billingEmail: client.billingEmail,
    phone: client.phone,
    status: client.status,
    plan: client.plan,
    setupFee: client.setupFee,
    monthlyFee: client.monthlyFee,
    currency: client.currency,
    billingCycle: client.billingCycle,
    nextBillingDate: client.nextBillingDate,
    ...(includeNotes ? { notes: client.notes } : {}),
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}

const dto = (caller: Caller) => (client: Client) => toClientDto(client, { includeNotes: isStaff(caller) });

export async function listClients({ caller, query }: { caller: Caller; query: ClientListQuery }) {
  const own = clientScopeOf(caller);
  const where: WhereOptions<Client> = {
    ...(own ? { id: own } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.search
      ? { [Op.or]: [{ companyName: { [Op.iLike]: `%${escapeLike(query.search)}%` } }, { slug: { [Op.iLike]: `%${escapeLike(query.search)}%` } }, { email: { [Op.iLike]: `%${escapeLike(query.search)}%` } }] }
      : {}),
  };
  const page = await paginate({ model: Client, where, order: parseOrder(query.order), limit: query.limit, cursor: query.cursor });
  return { data: page.rows.map(dto(caller)), nextCursor: page.nextCursor };
}

export async function getClient({ caller, id }: { caller: Caller; id: string }): Promise<ClientDto> {
  assertClientAccess({ caller, clientId: id, notFound: 'Client not found' });
  const client = await Client.findByPk(id);
  if (!client) throw new ApiError('not_found', 'Client not found');
  return dto(caller)(client);
}

export async function getMyClient(caller: Caller): Promise<ClientDto> {
  if (!caller.clientId) throw new ApiError('not_found', isStaff(caller) ? 'Staff users do not belong to a client' : 'Your account is not linked to a client yet');
  return getClient({ caller, id: caller.clientId });
}

export async function createClient({ caller, input }: { caller: Caller; input: ClientCreate }): Promise<ClientDto> {
  try {
    const client = await Client.create({
      ...input,
      billingEmail: input.billingEmail ?? null,
      nextBillingDate: input.nextBillingDate ?? null,
      churnedAt: input.status === 'churned' ? new Date() : null,
    });
    await recordAudit({ actor: actorOf(caller), action: 'client.create', target: { type: 'client', id: client.id }, clientId: client.id, metadata: { slug: client.slug } });
    return dto(caller)(client);
  } catch (error) {
    throw slugConflict(error);
  }
}

export async function updateClient({ caller, id, input }: { caller: Caller; id: string; input: ClientUpdate }): Promise<ClientDto> {
  const client = await Client.findByPk(id);
  if (!client) throw new ApiError('not_found', 'Client not found');
  const churnedAt = churnedAtAfter({ client, status: input.status });
  try {
    await client.update({ ...input, churnedAt });
  } catch (error) {
    throw slugConflict(error);
  }
  await recordAudit({ actor: actorOf(caller), action: 'client.update', target: { type: 'client', id }, clientId: id, metadata: { fields: Object.keys(input) } });
  return dto(caller)(client);
}

/** churned_at after a status change: set when a client churns, cleared when it comes back, kept otherwise (MRR history reads it). */
function churnedAtAfter({ client, status }: { client: Client; status: Client['status'] | undefined }): Date | null {
  if (status === undefined || status === client.status) return client.churnedAt;
  return status === 'churned' ? new Date() : null;
}

export type BulkOutcome = { changed: string[]; skipped: string[] };

/**
 * Staff bulk action: sets the status of several clients in one transaction (mark churned, mark active).
 * Clients already in that status are skipped. Each change is audited as client.update, the whole as client.bulk_status.
 */
export async function setClientsStatus({ caller, ids, status }: { caller: Caller; ids: string[]; status: Client['status'] }): Promise<BulkOutcome> {
  assertStaff(caller);
  return getDb().transaction(async (transaction) => {
    const clients = await Client.findAll({ where: { id: ids }, order: [['id', 'ASC']], lock: transaction.LOCK.UPDATE, transaction });
    if (clients.length !== new Set(ids).size) throw new ApiError('not_found', 'One of the selected clients no longer exists');
    const outcome: BulkOutcome = { changed: [], skipped: [] };
    for (const client of clients) {
      if (client.status === status) {
        outcome.skipped.push(client.id);
        continue;
      }
      const from = client.status;
      await client.update({ status, churnedAt: churnedAtAfter({ client, status }) }, { transaction });
      await recordAudit({ actor: actorOf(caller), action: 'client.update', target: { type: 'client', id: client.id }, clientId: client.id, metadata: { fields: ['status'], from, to: status, bulk: true } }, transaction);
      outcome.changed.push(client.id);
    }
    await recordAudit({ actor: actorOf(caller), action: 'client.bulk_status', metadata: { status, changed: outcome.changed, skipped: outcome.skipped } }, transaction);
    return outcome;
  });
}

/** Every client's id and name, for the staff pages' client pickers and filters. */
export async function listClientChoices(caller: Caller): Promise<{ id: string; companyName: string; status: Client['status'] }[]> {
  assertStaff(caller);
  const clients = await Client.findAll({ attributes: ['id', 'companyName', 'status'], order: [['companyName', 'ASC']] });
  return clients.map((client) => ({ id: client.id, companyName: client.companyName, status: client.status }));
}

function slugConflict(error: unknown) {
  return error instanceof UniqueConstraintError ? new ApiError('conflict', 'Another client already uses this slug', { slug: ['already taken'] }) : error;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
