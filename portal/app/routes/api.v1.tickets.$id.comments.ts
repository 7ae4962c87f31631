import { ticketRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { addTicketComment } from '~/services/ticket-changes.server';

const resource = apiResource({
  POST: endpoint(ticketRoutes.comment, ({ caller, params, body }) => addTicketComment({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
