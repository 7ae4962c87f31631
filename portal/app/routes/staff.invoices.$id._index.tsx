import { InvoicePaySchema, InvoiceVoidSchema, PAYMENT_METHODS } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { DownloadIcon } from '~/components/invoices/download-icon';
import { InvoiceLines } from '~/components/invoices/invoice-lines';
import { InvoiceStatusBadge } from '~/components/invoices/invoice-status-badge';
import { PageError } from '~/components/page-error';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { isConfirmed, readNotice, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDate } from '~/lib/format';
import { INVOICE_TYPE_LABELS, paymentMethodLabel } from '~/lib/invoice-labels';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { payInvoice, voidInvoice } from '~/services/invoice-changes.server';
import { getInvoice } from '~/services/invoice-queries.server';
import { sendInvoiceReminderNow } from '~/services/invoice-staff-actions.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Invoice ${data.invoice.number}` : 'Invoice' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const invoice = await loadForPage(getInvoice({ caller, id: requireIdParam(params) }));
  return { invoice, paymentMethods: PAYMENT_METHODS, notice: readNotice(new URL(request.url).searchParams) };
}

type Intent = 'pay' | 'void' | 'remind';
type ActionResult = { confirm?: { intent: Intent; fields: Record<string, string> }; intent?: string; errors?: FormErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const form = await request.formData();
  const values = formValues(form);
  const intent = values.intent ?? '';
  const fail = (errors: FormErrors) => data<ActionResult>({ intent, errors }, { status: 400 });
  try {
    if (intent === 'pay') {
      const fields = { method: values.method ?? '', paidAt: values.paidAt ?? '' };
      const parsed = InvoicePaySchema.safeParse({ method: fields.method, paidAt: fields.paidAt || undefined });
      if (!parsed.success) return fail(zodDetails(parsed.error));
      if (!isConfirmed(form)) return data<ActionResult>({ confirm: { intent, fields } });
      await loadForPage(payInvoice({ caller, id, input: parsed.data }));
      return redirectWithNotice(request, { done: 'paid' });
    }
    if (intent === 'void') {
      const parsed = InvoiceVoidSchema.safeParse({ reason: values.reason });
      if (!parsed.success) return fail(zodDetails(parsed.error));
      if (!isConfirmed(form)) return data<ActionResult>({ confirm: { intent, fields: { reason: values.reason ?? '' } } });
      await loadForPage(voidInvoice({ caller, id, input: parsed.data }));
      return redirectWithNotice(request, { done: 'voided' });
    }
    if (intent === 'remind') {
      if (!isConfirmed(form)) return data<ActionResult>({ confirm: { intent, fields: {} } });
      await loadForPage(sendInvoiceReminderNow({ caller, id }));
      return redirectWithNotice(request, { done: 'reminded' });
    }
    return fail({ form: ['Unknown action'] });
  } catch (error) {
    if (error instanceof Response) throw error;
    return fail(formErrorsFrom(error));
  }
}

export function ErrorBoundary() {
  return <PageError backTo="/staff/invoices" backLabel="Back to the invoices" />;
}

const NOTICES: Record<string, string> = { created: 'Invoice issued; the client was sent it by email.', paid: 'Marked paid.', voided: 'Invoice voided.', reminded: 'Reminder queued to the billing email.' };

const CONFIRM = {
  pay: { title: 'Mark this invoice paid?', label: 'Mark paid', busy: 'Marking…', danger: false },
  void: { title: 'Void this invoice?', label: 'Void invoice', busy: 'Voiding…', danger: true },
  remind: { title: 'Send a payment reminder now?', label: 'Send reminder', busy: 'Sending…', danger: false },
} as const;

export default function StaffInvoice() {
  const { invoice, paymentMethods, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const location = useLocation();
  const open = invoice.status === 'pending' || invoice.status === 'overdue';
  const errors = result?.errors;
  const confirm = result?.confirm;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <Link to="/staff/invoices" className="mb-4 inline-flex text-sm font-medium text-slate-500 hover:text-slate-900">
        ← All invoices
      </Link>
      <PageHeader
        title={invoice.number}
        description={
          <span className="inline-flex items-center gap-2">
            <InvoiceStatusBadge invoice={invoice} /> {INVOICE_TYPE_LABELS[invoice.type]} for{' '}
            <Link to={`/staff/clients/${invoice.clientId}`} className="font-medium text-slate-700 hover:underline">
              {invoice.clientName}
            </Link>
          </span>
        }
        actions={
          <a href={`/staff/invoices/${invoice.id}/pdf`} download className={buttonClass({ variant: 'secondary' })}>
            <DownloadIcon /> PDF
          </a>
        }
      />
      <div className="mb-4 space-y-3">
        {notice && NOTICES[notice.done] ? <Notice tone="success">{NOTICES[notice.done]}</Notice> : null}
        {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
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
            </dl>
            {invoice.notes ? <p className="mt-4 whitespace-pre-line text-sm text-slate-600">{invoice.notes}</p> : null}
          </Card>
          {open ? (
            <>
              <Card title="Record a payment">
                <Form method="post" className="space-y-3">
                  <CsrfInput />
                  <label className="block text-sm font-medium text-slate-700">
                    Method
                    <select name="method" defaultValue="bank_transfer" className="mt-1 block w-full rounded-md border-0 py-2 pl-3 text-sm ring-1 ring-inset ring-slate-300">
                      {paymentMethods.map((method) => (
                        <option key={method} value={method}>
                          {paymentMethodLabel(method)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="block text-sm font-medium text-slate-700">
                    Paid on
                    <input type="date" name="paidAt" max={today} defaultValue={today} className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
                    {errors?.paidAt ? <span className="mt-1 block text-sm text-rose-600">{errors.paidAt[0]}</span> : null}
                  </label>
                  <SubmitButton intent="pay" busyLabel="…">
                    Mark paid
                  </SubmitButton>
                </Form>
              </Card>
              <Card title="More actions">
                <div className="space-y-4">
                  <Form method="post">
                    <CsrfInput />
                    <p className="mb-2 text-sm text-slate-600">Mail the billing email a reminder now, worded for the due date.</p>
                    <SubmitButton intent="remind" variant="secondary" busyLabel="…">
                      Send a reminder now
                    </SubmitButton>
                  </Form>
                  <Form method="post" className="border-t border-slate-100 pt-4">
                    <CsrfInput />
                    <label className="block text-sm font-medium text-slate-700">
                      Reason for voiding (kept in the audit log)
                      <input name="reason" maxLength={500} className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
                    </label>
                    <div className="mt-2">
                      <SubmitButton intent="void" variant="danger" busyLabel="…">
                        Void invoice
                      </SubmitButton>
                    </div>
                  </Form>
                </div>
              </Card>
            </>
          ) : null}
        </div>
      </div>
      {confirm ? (
        <ConfirmDialog
          title={CONFIRM[confirm.intent].title}
          intent={confirm.intent}
          fields={confirm.fields}
          confirmLabel={CONFIRM[confirm.intent].label}
          busyLabel={CONFIRM[confirm.intent].busy}
          danger={CONFIRM[confirm.intent].danger}
          cancelTo={location.pathname}
        >
          {confirm.intent === 'pay' ? <p>{`${invoice.number} is recorded as paid by ${paymentMethodLabel(confirm.fields.method ?? '')}${confirm.fields.paidAt ? ` on ${formatDate(confirm.fields.paidAt)}` : ''}. A paid invoice can no longer change.`}</p> : null}
          {confirm.intent === 'void' ? <p>{`${invoice.number} no longer counts as owed, and its number stays used. This cannot be undone.`}</p> : null}
          {confirm.intent === 'remind' ? <p>{`The client's billing email gets a reminder for ${invoice.number} now.`}</p> : null}
        </ConfirmDialog>
      ) : null}
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
