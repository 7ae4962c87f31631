import type { AuditEntryDto, AuditListQuery } from '@monoliet/contract';
import { Op, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate } from '~/lib/pagination.server';
import { assertStaff } from '~/lib/policy.server';
import { AuditLogEntry } from '~/models/index.server';
import { escapeLike } from './clients.server';

export function toAuditEntryDto(entry: AuditLogEntry): AuditEntryDto {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    clientId: entry.clientId,
    ip: entry.ip,
    metadata: entry.metadata,
  };
}

/** The audit log, newest first, filtered by actor, action prefix, client, target and time. */
export async function listAuditLog({ caller, query }: { caller: Caller; query: AuditListQuery }) {
  assertStaff(caller);
  if (query.since && query.until && Date.parse(query.since) > Date.parse(query.until)) {
    throw new ApiError('invalid_input', '"since" is after "until"', { since: ['must not be after until'] });
  }
  const at = {
    ...(query.since ? { [Op.gte]: new Date(query.since) } : {}),
    ...(query.until ? { [Op.lt]: new Date(query.until) } : {}),
  };
  const where: WhereOptions<AuditLogEntry> = {
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.action ? { action: { [Op.like]: `${escapeLike(query.action)}%` } } : {}),
    ...(query.client ? { clientId: query.client } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.since || query.until ? { at } : {}),
  };
  const page = await paginate({ model: AuditLogEntry, where, order: { field: 'at', direction: 'DESC' }, limit: query.limit, cursor: query.cursor });
  return { data: page.rows.map(toAuditEntryDto), nextCursor: page.nextCursor };
}
