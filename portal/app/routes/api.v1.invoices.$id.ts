import { invoiceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { updateInvoice } from '~/services/invoice-changes.server';
import { getInvoice } from '~/services/invoice-queries.server';

const resource = apiResource({
  GET: endpoint(invoiceRoutes.get, ({ caller, params }) => getInvoice({ caller, id: params.id })),
  PATCH: endpoint(invoiceRoutes.update, ({ caller, params, body }) => updateInvoice({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
