import { invoiceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { voidInvoice } from '~/services/invoice-changes.server';

const resource = apiResource({
  POST: endpoint(invoiceRoutes.void, ({ caller, params, body }) => voidInvoice({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
