import { INVOICE_TYPES, InvoiceCreateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { InvoiceForm, type InvoiceDraft } from '~/components/staff/invoice-form';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { formErrorsFrom, formValues } from '~/lib/client-page.server';
import { ApiError, zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { invoiceInputFrom, lineRowsFrom } from '~/lib/invoice-form';
import { INVOICE_TYPE_LABELS } from '~/lib/invoice-labels';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listClientChoices } from '~/services/clients.server';
import { issueInvoice } from '~/services/invoice-issue.server';
import { previewPlanInvoice } from '~/services/invoice-staff-actions.server';

export const meta: MetaFunction = () => [{ title: 'New invoice' }];

const SPARE_ROWS = 3;
type InvoiceType = (typeof INVOICE_TYPES)[number];
const isInvoiceType = (value: string | null): value is InvoiceType => (INVOICE_TYPES as readonly string[]).includes(value ?? '');

/** Step 1 (GET): pick the client and the type; a monthly invoice is then pre-filled from the client's plan. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const clients = await listClientChoices(caller);
  const client = clients.find((choice) => choice.id === params.get('client')) ?? null;
  const type: InvoiceType = isInvoiceType(params.get('type')) ? (params.get('type') as InvoiceType) : 'monthly';
  const types = INVOICE_TYPES;
  if (!client) return { clients, types, client: null, type, draft: null, planProblem: null };
  const draft: InvoiceDraft = { clientId: client.id, type, currency: '', lines: [], periodStart: '', periodEnd: '', issueDate: '', dueDate: '', notes: '' };
  let planProblem: string | null = null;
  try {
    const plan = await previewPlanInvoice({ caller, clientId: client.id });
    draft.currency = plan.currency;
    if (type === 'monthly') {
      draft.lines = plan.lines.map((line) => ({ description: line.description, quantity: String(line.quantity), unitAmount: line.unitAmount }));
      draft.periodStart = plan.period.start;
      draft.periodEnd = plan.period.end;
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    planProblem = error.message;
  }
  return { clients, types, client, type, draft, planProblem };
}

type ActionResult = { errors?: FormErrors; draft: InvoiceDraft; spare: number };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const values = formValues(await request.formData());
  const draft: InvoiceDraft = {
    clientId: values.clientId ?? '',
    type: values.type ?? '',
    currency: values.currency ?? '',
    lines: lineRowsFrom(values),
    periodStart: values.periodStart ?? '',
    periodEnd: values.periodEnd ?? '',
    issueDate: values.issueDate ?? '',
    dueDate: values.dueDate ?? '',
    notes: values.notes ?? '',
  };
  const spare = Math.min(20, Number(values.spare) || SPARE_ROWS);
  if (values.intent === 'more-lines') return data<ActionResult>({ draft, spare: spare + 3 });
  const parsed = InvoiceCreateSchema.safeParse(invoiceInputFrom(values));
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error), draft, spare }, { status: 400 });
  try {
    const invoice = await issueInvoice({ caller, input: parsed.data });
    return redirect(`/staff/invoices/${invoice.id}?done=created`);
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error), draft, spare }, { status: 400 });
  }
}

export default function NewInvoice() {
  const { clients, types, client, type, draft, planProblem } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const current = result?.draft ?? draft;
  return (
    <>
      <Link to="/staff/invoices" className="mb-4 inline-flex text-sm font-medium text-slate-500 hover:text-slate-900">
        ← All invoices
      </Link>
      <PageHeader title="New invoice" description="The number is assigned when it is issued; the client's billing email gets it at once." />
      <Card className="mb-6">
        <Form method="get" className="flex flex-wrap items-end gap-4">
          <label className="text-sm font-medium text-slate-700">
            Client
            <select name="client" defaultValue={client?.id ?? ''} className="mt-1.5 block w-64 rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300">
              <option value="">Choose a client…</option>
              {clients.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.companyName}
                  {choice.status === 'active' ? '' : ` (${choice.status})`}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-700">
            Type
            <select name="type" defaultValue={type} className="mt-1.5 block w-56 rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300">
              {types.map((value) => (
                <option key={value} value={value}>
                  {INVOICE_TYPE_LABELS[value]}
                  {value === 'monthly' ? ' (from the plan)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass({ variant: 'secondary' })}>
            {client ? 'Start again' : 'Continue'}
          </button>
        </Form>
      </Card>
      {planProblem && type === 'monthly' ? (
        <div className="mb-4">
          <Notice tone="info">{planProblem}</Notice>
        </div>
      ) : null}
      {current ? <InvoiceForm key={`${current.clientId}-${current.type}-${result?.spare ?? ''}`} draft={current} errors={result?.errors} spareRows={result?.spare ?? SPARE_ROWS} /> : null}
    </>
  );
}
