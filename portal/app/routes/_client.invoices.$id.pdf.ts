import type { LoaderFunctionArgs } from '@remix-run/node';
import { fileResponse } from '~/lib/api.server';
import { requireClientUser } from '~/lib/auth.server';
import { callerFromSession } from '~/lib/caller.server';
import { loadForPage, requireIdParam } from '~/lib/client-page.server';
import { renderInvoicePdfFor } from '~/services/invoice-pdf.server';

// The "Download PDF" link of the invoice pages: the same service as GET /api/v1/invoices/{id}/pdf.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const current = await requireClientUser(request);
  const file = await loadForPage(renderInvoicePdfFor({ caller: callerFromSession(current), id: requireIdParam(params) }));
  return fileResponse({ file, contentType: 'application/pdf' });
}
