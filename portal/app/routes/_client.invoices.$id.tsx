import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PageHeader } from '~/components/app-shell';
import { useBranding } from '~/components/branding';
import { DownloadIcon } from '~/components/invoices/download-icon';
import { InvoiceLines } from '~/components/invoices/invoice-lines';
import { InvoiceNotice } from '~/components/invoices/invoice-notice';
import { InvoiceStatusBadge } from '~/components/invoices/invoice-status-badge';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { requireClientUser } from '~/lib/auth.server';
import { sessionCaller } from '~/lib/caller.server';
import { formatDate } from '~/lib/format';
import { INVOICE_TYPE_LABELS, paymentMethodLabel } from '~/lib/invoice-labels';
import { loadForPage, requirePageId } from '~/lib/page-errors.server';
import { getInvoice } from '~/services/invoice-queries.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Invoice ${data.invoice.number}` : 'Invoice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const current = await requireClientUser(request);
  const invoice = await loadForPage(getInvoice({ caller: sessionCaller({ current }), id: requirePageId(params) }));
  const { client } = current;
  return { invoice, billTo: { companyName: client.companyName, contactName: client.contactName, email: client.billingEmail ?? client.email } };
}

export default function InvoicePage() {
  const { invoice, billTo } = useLoaderData<typeof loader>();
  const { supportEmail } = useBranding();
  return (
    <>
      <Link to="/invoices" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-slate-500 hover:text-slate-900">
        ← All invoices
      </Link>
      <PageHeader
        title={invoice.number}
        description={
          <span className="inline-flex items-center gap-2">
            <InvoiceStatusBadge invoice={invoice} /> {INVOICE_TYPE_LABELS[invoice.type]} · issued {formatDate(invoice.issueDate)}
          </span>
        }
        actions={
          <a href={`/invoices/${invoice.id}/pdf`} download className={buttonClass()}>
            <DownloadIcon /> Download PDF
          </a>
        }
      />
      <InvoiceNotice invoice={invoice} supportEmail={supportEmail} />
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Line items" className="lg:col-span-2">
          <InvoiceLines invoice={invoice} />
        </Card>
        <div className="space-y-6">
          <Card title="Details">
            <dl className="space-y-3 text-sm">
              <Fact name="Issue date">{formatDate(invoice.issueDate)}</Fact>
              <Fact name="Due date">{formatDate(invoice.dueDate)}</Fact>
              {invoice.periodStart && invoice.periodEnd ? <Fact name="Service period">{`${formatDate(invoice.periodStart)} – ${formatDate(invoice.periodEnd)}`}</Fact> : null}
              {invoice.paidAt ? <Fact name="Paid on">{formatDate(invoice.paidAt)}</Fact> : null}
              {invoice.paidAt ? <Fact name="Payment method">{paymentMethodLabel(invoice.paymentMethod)}</Fact> : null}
              {invoice.voidedAt ? <Fact name="Voided on">{formatDate(invoice.voidedAt)}</Fact> : null}
              <Fact name="Currency">{invoice.currency}</Fact>
            </dl>
          </Card>
          <Card title="Billed to">
            <p className="text-sm font-semibold text-slate-900">{billTo.companyName}</p>
            {billTo.contactName ? <p className="text-sm text-slate-600">{billTo.contactName}</p> : null}
            <p className="text-sm text-slate-500">{billTo.email}</p>
          </Card>
          {invoice.notes ? (
            <Card title="Notes">
              <p className="whitespace-pre-line text-sm text-slate-700">{invoice.notes}</p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-slate-500">{name}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}
