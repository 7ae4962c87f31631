import type { InvoiceSummaryDto } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useNavigation } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { DownloadIcon } from '~/components/invoices/download-icon';
import { InvoiceFilterBar } from '~/components/invoices/invoice-filters';
import { InvoiceStatusBadge } from '~/components/invoices/invoice-status-badge';
import { OutstandingSummary } from '~/components/invoices/outstanding-summary';
import { EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable, type Column } from '~/components/ui/table';
import { requireClientUser } from '~/lib/auth.server';
import { sessionCaller } from '~/lib/caller.server';
import { formatDate } from '~/lib/format';
import { isFiltered, readInvoiceFilters, toListQuery } from '~/lib/invoice-filters';
import { INVOICE_TYPE_LABELS } from '~/lib/invoice-labels';
import { formatMoney } from '~/lib/money';
import { loadForPage } from '~/lib/page-errors.server';
import { listInvoices, summarizeOutstanding } from '~/services/invoice-queries.server';

export const meta: MetaFunction = () => [{ title: 'Invoices' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = sessionCaller({ current: await requireClientUser(request) });
  const url = new URL(request.url);
  const filters = readInvoiceFilters(url.searchParams);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const [page, outstanding] = await Promise.all([loadForPage(listInvoices({ caller, query: toListQuery({ filters, cursor }) })), summarizeOutstanding({ caller })]);
  return { invoices: page.data, nextCursor: page.nextCursor, hasPrevious: Boolean(cursor), outstanding, filters, filtered: isFiltered(filters) };
}

const COLUMNS: Column<InvoiceSummaryDto>[] = [
  {
    key: 'number',
    header: 'Invoice',
    cell: (invoice) => (
      <Link to={`/invoices/${invoice.id}`} className="font-medium text-slate-900 hover:text-brand">
        {invoice.number}
      </Link>
    ),
  },
  { key: 'issued', header: 'Issued', cell: (invoice) => formatDate(invoice.issueDate), className: 'whitespace-nowrap' },
  {
    key: 'due',
    header: 'Due',
    cell: (invoice) => <span className={invoice.isOverdue ? 'font-medium text-rose-700' : ''}>{formatDate(invoice.dueDate)}</span>,
    className: 'whitespace-nowrap',
  },
  { key: 'type', header: 'Type', cell: (invoice) => INVOICE_TYPE_LABELS[invoice.type], className: 'hidden md:table-cell' },
  { key: 'total', header: 'Amount', align: 'right', cell: (invoice) => <span className="font-medium text-slate-900">{formatMoney({ amount: invoice.total, currency: invoice.currency })}</span> },
  { key: 'status', header: 'Status', cell: (invoice) => <InvoiceStatusBadge invoice={invoice} /> },
  {
    key: 'pdf',
    header: <span className="sr-only">PDF</span>,
    align: 'right',
    cell: (invoice) => (
      <a href={`/invoices/${invoice.id}/pdf`} download className="inline-flex items-center gap-1 text-xs font-medium text-slate-500 hover:text-brand" aria-label={`Download ${invoice.number} as PDF`}>
        <DownloadIcon className="h-3.5 w-3.5" /> PDF
      </a>
    ),
  },
];

export default function InvoicesPage() {
  const { invoices, nextCursor, hasPrevious, outstanding, filters, filtered } = useLoaderData<typeof loader>();
  const loading = useNavigation().state === 'loading';
  const none = invoices.length === 0 && !filtered && !hasPrevious;
  return (
    <>
      <PageHeader title="Invoices" description="Your invoices, what is still open, and a PDF of each." />
      <OutstandingSummary totals={outstanding} />
      <section className="mt-8 rounded-xl border border-slate-200 bg-white shadow-sm">
        {none ? null : <InvoiceFilterBar filters={filters} />}
        <div className={`px-2 pb-2 transition-opacity sm:px-3 ${loading ? 'opacity-60' : ''}`} aria-busy={loading}>
          <DataTable
            caption="Invoices"
            columns={COLUMNS}
            rows={invoices}
            rowKey={(invoice) => invoice.id}
            empty={
              <div className="p-4">
                {filtered ? (
                  <EmptyState
                    title="No invoices match these filters"
                    action={
                      <Link to="/invoices" className="text-sm font-medium text-brand hover:underline">
                        Show all invoices
                      </Link>
                    }
                  >
                    Try another status or date range.
                  </EmptyState>
                ) : (
                  <EmptyState title="No invoices yet">Invoices we send you will appear here, each with a PDF to download.</EmptyState>
                )}
              </div>
            }
          />
          <div className="px-3 pb-2">
            <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
          </div>
        </div>
      </section>
    </>
  );
}
