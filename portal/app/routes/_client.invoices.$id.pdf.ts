import type { LoaderFunctionArgs } from '@remix-run/node';
import { fileResponse } from '~/lib/api.server';
import { requireClientUser } from '~/lib/auth.server';
import { sessionCaller } from '~/lib/caller.server';
import { loadForPage, requirePageId } from '~/lib/page-errors.server';
import { renderInvoicePdfFor } from '~/services/invoice-pdf.server';

// The "Download PDF" link of the invoice pages: the same service as GET /api/v1/invoices/{id}/pdf.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const current = await requireClientUser(request);
  const file = await loadForPage(renderInvoicePdfFor({ caller: sessionCaller({ current }), id: requirePageId(params) }));
  return fileResponse({ file, contentType: 'application/pdf' });
}
