import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { clientScopeOf, isStaff } from '~/lib/policy.server';
import { Client } from '~/models/index.server';

/**
 * The client a new record (a ticket, a credential) belongs to: a client user or token always creates for
 * its own client (naming another is refused); staff must name an existing client.
 */
export async function resolveOwningClient({ caller, requested, noun }: { caller: Caller; requested?: string; noun: string }): Promise<string> {
  if (!isStaff(caller)) {
    const own = clientScopeOf(caller)!;
    if (requested && requested !== own) throw new ApiError('invalid_input', `You can create a ${noun} only for your own client`, { clientId: ['must be your own client (or left out)'] });
    return own;
  }
  if (!requested) throw new ApiError('invalid_input', `Say which client the ${noun} is for`, { clientId: ['required for staff'] });
  if (!(await Client.findByPk(requested, { attributes: ['id'] }))) throw new ApiError('not_found', 'Client not found');
  return requested;
}
