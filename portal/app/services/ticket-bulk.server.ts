import { UserListQuerySchema } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { SupportTicket } from '~/models/index.server';
import { recordAudit } from './audit.server';
import type { BulkOutcome } from './clients.server';
import { resolveTicket } from './ticket-changes.server';
import { listUsers } from './user-accounts.server';

/**
 * Bulk "Resolve": each selected ticket through resolveTicket, so each gets its history entry, its audit entry
 * and its event (the client's mail) exactly as a single resolve; tickets already resolved are skipped.
 */
export async function resolveTickets({ caller, ids }: { caller: Caller; ids: string[] }): Promise<BulkOutcome> {
  assertStaff(caller);
  const found = await SupportTicket.count({ where: { id: ids } });
  if (found !== new Set(ids).size) throw new ApiError('not_found', 'One of the selected tickets no longer exists');
  const outcome: BulkOutcome = { changed: [], skipped: [] };
  for (const id of [...ids].sort()) {
    try {
      await resolveTicket({ caller, id });
      outcome.changed.push(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
      outcome.skipped.push(id);
    }
  }
  await recordAudit({ actor: actorOf(caller), action: 'ticket.bulk_resolve', metadata: { resolved: outcome.changed, skipped: outcome.skipped } });
  return outcome;
}

/** The active staff users a ticket can be assigned to (the assignee pickers of the staff pages). */
export async function listAssignableStaff(caller: Caller): Promise<{ id: string; name: string }[]> {
  const page = await listUsers({ caller, query: UserListQuerySchema.parse({ role: 'staff', active: 'true', limit: 100, order: 'name' }) });
  return page.data.map((user) => ({ id: user.id, name: user.name || user.email }));
}
