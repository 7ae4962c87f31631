import { invoiceRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { issueInvoice } from '~/services/invoice-issue.server';
import { listInvoices } from '~/services/invoice-queries.server';

const resource = apiResource({
  GET: endpoint(invoiceRoutes.list, ({ caller, query }) => listInvoices({ caller, query })),
  POST: endpoint(invoiceRoutes.create, ({ caller, body }) => issueInvoice({ caller, input: body })),
});

export const loader = resource.loader;
export const action = resource.action;
