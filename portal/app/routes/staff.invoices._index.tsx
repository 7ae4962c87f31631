import { InvoiceListQuerySchema, PAYMENT_METHODS, type PaymentMethod } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { InvoiceStatusBadge } from '~/components/invoices/invoice-status-badge';
import { ConfirmDialog, SelectedList } from '~/components/staff/confirm-dialog';
import { BulkBar, FilterBar, filterInputClass, SortHeader, TabLinks } from '~/components/staff/list-controls';
import { selectColumn } from '~/components/staff/selection';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { isConfirmed, readNotice, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, loadForPage } from '~/lib/client-page.server';
import { formatDate } from '~/lib/format';
import { INVOICE_TYPE_LABELS, paymentMethodLabel } from '~/lib/invoice-labels';
import { formatMoney } from '~/lib/money';
import { readBulkForm, readListQuery, requireStaffCaller } from '~/lib/staff-page.server';
import { listClientChoices } from '~/services/clients.server';
import { listInvoices, summarizeInvoices } from '~/services/invoice-queries.server';
import { payInvoices } from '~/services/invoice-staff-actions.server';

export const meta: MetaFunction = () => [{ title: 'Invoices' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const query = readListQuery({ request, schema: InvoiceListQuerySchema.extend({ limit: InvoiceListQuerySchema.shape.limit.default(25) }) });
  const [page, totals, clients] = await Promise.all([loadForPage(listInvoices({ caller, query })), summarizeInvoices({ caller, query }), listClientChoices(caller)]);
  const params = new URL(request.url).searchParams;
  return { ...page, totals, clients, paymentMethods: PAYMENT_METHODS, filters: { status: params.get('status'), client: query.client ?? '', order: query.order }, hasPrevious: Boolean(query.cursor), notice: readNotice(params) };
}

type ActionResult = { confirm?: { ids: string[] }; error?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const { intent, ids } = readBulkForm(form);
  if (intent !== 'pay') return data<ActionResult>({ error: 'Unknown action' }, { status: 400 });
  if (ids.length === 0) return data<ActionResult>({ error: 'Tick at least one invoice first.' }, { status: 400 });
  if (!isConfirmed(form)) return data<ActionResult>({ confirm: { ids } });
  const method = String(form.get('method'));
  if (!(PAYMENT_METHODS as readonly string[]).includes(method)) return data<ActionResult>({ error: 'Choose how the invoices were paid.' }, { status: 400 });
  try {
    const outcome = await payInvoices({ caller, ids, input: { method: method as PaymentMethod } });
    return redirectWithNotice(request, { done: 'paid', n: outcome.changed.length, skipped: outcome.skipped.length });
  } catch (error) {
    return data<ActionResult>({ error: (formErrorsFrom(error).form ?? ['The action failed'])[0] }, { status: 400 });
  }
}

const TABS = [
  { value: null, label: 'All' },
  { value: 'pending,overdue', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
  { value: 'void', label: 'Void' },
];

export default function StaffInvoices() {
  const { data: rows, nextCursor, hasPrevious, totals, clients, paymentMethods, filters, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const location = useLocation();
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Every client's invoices. Tick open invoices to mark them paid together."
        actions={
          <Link to="/staff/invoices/new" className={buttonClass()}>
            New invoice
          </Link>
        }
      />
      <div className="mb-4 space-y-3">
        {notice?.done === 'paid' ? (
          <Notice tone="success">
            {notice.n} invoice{notice.n === 1 ? '' : 's'} marked paid.{notice.skipped > 0 ? ` ${notice.skipped} skipped (already paid or void).` : ''}
          </Notice>
        ) : null}
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      </div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <TabLinks param="status" label="Status" current={filters.status} tabs={TABS} />
        <FilterBar keep={{ status: filters.status, order: filters.order }} resetTo="/staff/invoices">
          <label className="text-xs font-medium text-slate-600">
            Client
            <select name="client" defaultValue={filters.client} className={`${filterInputClass} w-56`}>
              <option value="">All clients</option>
              {clients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.companyName}
                </option>
              ))}
            </select>
          </label>
        </FilterBar>
      </div>
      <Card>
        <Form method="post">
          <CsrfInput />
          <BulkBar noun="invoices">
            <SubmitButton intent="pay" variant="secondary" size="sm" busyLabel="…">
              Mark paid
            </SubmitButton>
          </BulkBar>
          <DataTable
            caption="Invoices"
            rows={rows}
            rowKey={(invoice) => invoice.id}
            empty={<EmptyState title="No invoices">Nothing matches these filters.</EmptyState>}
            columns={[
              selectColumn<(typeof rows)[number]>({ idOf: (invoice) => invoice.id, labelOf: (invoice) => invoice.number }),
              { key: 'number', header: <SortHeader label="Number" field="number" order={filters.order} />, cell: (invoice) => <Link to={`/staff/invoices/${invoice.id}`} className="font-medium text-slate-900 hover:underline">{invoice.number}</Link> },
              { key: 'client', header: 'Client', cell: (invoice) => <Link to={`/staff/clients/${invoice.clientId}`} className="hover:underline">{invoice.clientName}</Link> },
              { key: 'type', header: 'Type', cell: (invoice) => INVOICE_TYPE_LABELS[invoice.type] },
              { key: 'status', header: 'Status', cell: (invoice) => <InvoiceStatusBadge invoice={invoice} /> },
              { key: 'issued', header: <SortHeader label="Issued" field="issueDate" order={filters.order} />, cell: (invoice) => formatDate(invoice.issueDate) },
              { key: 'due', header: <SortHeader label="Due" field="dueDate" order={filters.order} />, cell: (invoice) => formatDate(invoice.dueDate) },
              { key: 'total', header: 'Total', align: 'right', cell: (invoice) => formatMoney({ amount: invoice.total, currency: invoice.currency }) },
            ]}
          />
        </Form>
        {totals.length > 0 ? (
          <p className="mt-3 border-t border-slate-100 pt-3 text-right text-sm text-slate-600" data-testid="invoice-totals">
            {totals.map((total) => `${total.count} invoice${total.count === 1 ? '' : 's'}: ${formatMoney({ amount: total.total, currency: total.currency })}, ${formatMoney({ amount: total.amountDue, currency: total.currency })} due`).join(' · ')}
          </p>
        ) : null}
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
      {result?.confirm ? (
        <ConfirmDialog title="Mark these invoices paid?" intent="pay" fields={{ ids: result.confirm.ids }} confirmLabel="Mark paid" busyLabel="Marking…" cancelTo={`${location.pathname}${location.search}`}>
          <p>They are recorded as paid today. Invoices already paid or void are skipped.</p>
          <SelectedList items={result.confirm.ids.map((id) => rows.find((invoice) => invoice.id === id)?.number ?? id)} />
          <label className="block text-sm font-medium text-slate-700">
            Paid by
            <select name="method" defaultValue="bank_transfer" className="mt-1 block w-full rounded-md border-0 py-2 pl-3 text-sm ring-1 ring-inset ring-slate-300">
              {paymentMethods.map((method) => (
                <option key={method} value={method}>
                  {paymentMethodLabel(method)}
                </option>
              ))}
            </select>
          </label>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
