import { ticketRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { reopenTicket } from '~/services/ticket-changes.server';

const resource = apiResource({
  POST: endpoint(ticketRoutes.reopen, ({ caller, params }) => reopenTicket({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
