import type { LoaderFunctionArgs } from '@remix-run/node';
import { fileResponse } from '~/lib/api.server';
import { loadForPage, requireIdParam } from '~/lib/client-page.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { renderInvoicePdfFor } from '~/services/invoice-pdf.server';

// The staff "PDF" link: the same service as GET /api/v1/invoices/{id}/pdf.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const file = await loadForPage(renderInvoicePdfFor({ caller, id: requireIdParam(params) }));
  return fileResponse({ file, contentType: 'application/pdf' });
}
