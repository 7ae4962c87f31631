import { ticketRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { createTicket, listTickets } from '~/services/tickets.server';

const resource = apiResource({
  GET: endpoint(ticketRoutes.list, ({ caller, query }) => listTickets({ caller, query })),
  POST: endpoint(ticketRoutes.create, ({ caller, body }) => createTicket({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
