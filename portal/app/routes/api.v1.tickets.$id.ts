import { ticketRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { updateTicket } from '~/services/ticket-changes.server';
import { getTicket } from '~/services/tickets.server';

const resource = apiResource({
  GET: endpoint(ticketRoutes.get, ({ caller, params }) => getTicket({ caller, id: params.id })),
  PATCH: endpoint(ticketRoutes.update, ({ caller, params, body }) => updateTicket({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
