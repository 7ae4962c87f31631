import { invoiceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { renderInvoicePdfFor } from '~/services/invoice-pdf.server';

const resource = apiResource({
  GET: endpoint(invoiceRoutes.pdf, ({ caller, params }) => renderInvoicePdfFor({ caller, id: params.id })),
});

export const loader = resource.loader;
export const action = resource.action;
