import { ticketRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { resolveTicket } from '~/services/ticket-changes.server';

const resource = apiResource({
  POST: endpoint(ticketRoutes.resolve, ({ caller, params }) => resolveTicket({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
