import type { ApiFile } from '~/lib/api.server';
import type { Caller } from '~/lib/caller.server';
import { renderInvoicePdf } from '~/lib/invoice-pdf/render.server';
import { todayUtc, toInvoiceDto } from './invoice-dto';
import { findInvoiceFor } from './invoice-queries.server';
import { getSettings } from './settings.server';

/** The invoice as a PDF, for its client and for staff (another client's invoice is not found). */
export async function renderInvoicePdfFor({ caller, id }: { caller: Caller; id: string }): Promise<ApiFile> {
  const { invoice, client } = await findInvoiceFor({ caller, id });
  const settings = await getSettings();
  const body = await renderInvoicePdf({
    agency: { name: settings.companyName, supportEmail: settings.supportEmail, brandColor: settings.brandColor },
    billTo: { companyName: client.companyName, contactName: client.contactName, email: client.billingEmail ?? client.email },
    invoice: toInvoiceDto(invoice, { clientName: client.companyName, today: todayUtc() }),
  });
  return { body, filename: `${invoice.number}.pdf` };
}
