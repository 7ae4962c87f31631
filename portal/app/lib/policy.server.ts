import type { Caller } from './caller.server';
import { ApiError } from './errors.server';

// Access rules in one place. Staff see everything; a client user or client token sees only its own
// client, and a record of another client is "not found", never "forbidden", so ids leak nothing.

export function isStaff(caller: Caller): boolean {
  return caller.role === 'staff';
}

/** The client a query must be limited to: undefined for staff (all clients), the caller's client otherwise. */
export function clientScopeOf(caller: Caller): string | undefined {
  if (isStaff(caller)) return undefined;
  if (!caller.clientId) throw new ApiError('forbidden', 'Your account is not linked to a client yet');
  return caller.clientId;
}

/** Throws not_found unless the caller may see records of this client. */
export function assertClientAccess({ caller, clientId, notFound }: { caller: Caller; clientId: string | null; notFound: string }) {
  if (isStaff(caller)) return;
  if (!caller.clientId || clientId !== caller.clientId) throw new ApiError('not_found', notFound);
}

export function assertStaff(caller: Caller) {
  if (!isStaff(caller)) throw new ApiError('forbidden', 'Only agency staff can do this');
}
