import { CredentialListQuerySchema, InvoiceListQuerySchema, TicketListQuerySchema } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { listMembersOfClient } from './account.server';
import { getClient } from './clients.server';
import { listClientTimeline } from './client-timeline.server';
import { listClientWorkflows } from './client-workflows.server';
import { listCredentials } from './credentials.server';
import { listInvoices, summarizeOutstanding } from './invoice-queries.server';
import { listTickets } from './tickets.server';

/**
 * Staff: one client with everything related to it, for its page. The lists come from the same services as
 * the API (the latest of each), so the page and /api/v1 never disagree.
 */
export async function getClientOverview({ caller, id }: { caller: Caller; id: string }) {
  assertStaff(caller);
  const client = await getClient({ caller, id });
  const [workflows, invoices, outstanding, tickets, credentials, members, timeline] = await Promise.all([
    listClientWorkflows({ caller, clientId: id }),
    listInvoices({ caller, query: InvoiceListQuerySchema.parse({ client: id, limit: 10 }) }),
    summarizeOutstanding({ caller, client: id }),
    listTickets({ caller, query: TicketListQuerySchema.parse({ client: id, limit: 10, order: '-updatedAt' }) }),
    listCredentials({ caller, query: CredentialListQuerySchema.parse({ client: id, limit: 50 }) }),
    listMembersOfClient({ caller, clientId: id }),
    listClientTimeline({ caller, clientId: id }),
  ]);
  return { client, workflows, invoices: invoices.data, moreInvoices: invoices.nextCursor !== null, outstanding, tickets: tickets.data, moreTickets: tickets.nextCursor !== null, credentials: credentials.data, members, timeline };
}
