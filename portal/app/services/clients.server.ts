import type { ClientCreate, ClientDto, ClientListQuery, ClientUpdate } from '@monoliet/contract';
import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertClientAccess, clientScopeOf, isStaff } from '~/lib/policy.server';
import { Client } from '~/models/index.server';
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
  const churnedAt = input.status === undefined || input.status === client.status ? client.churnedAt : input.status === 'churned' ? new Date() : null;
  try {
    await client.update({ ...input, churnedAt });
  } catch (error) {
    throw slugConflict(error);
  }
  await recordAudit({ actor: actorOf(caller), action: 'client.update', target: { type: 'client', id }, clientId: id, metadata: { fields: Object.keys(input) } });
  return dto(caller)(client);
}

function slugConflict(error: unknown) {
  return error instanceof UniqueConstraintError ? new ApiError('conflict', 'Another client already uses this slug', { slug: ['already taken'] }) : error;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
