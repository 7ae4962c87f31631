import { invoiceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { payInvoice } from '~/services/invoice-changes.server';

const resource = apiResource({
  POST: endpoint(invoiceRoutes.pay, ({ caller, params, body }) => payInvoice({ caller, id: params.id, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
