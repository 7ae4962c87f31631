import { Form, Link } from '@remix-run/react';
import { CsrfInput } from '../csrf-input';
import { buttonClass } from '../ui/button';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { SubmitButton } from '../ui/submit-button';
import { TextAreaField } from '../ui/textarea-field';

type Errors = Record<string, string[]> | undefined;
type Line = { description: string; quantity: string; unitAmount: string };

export type InvoiceDraft = { clientId: string; type: string; currency: string; lines: Line[]; periodStart: string; periodEnd: string; issueDate: string; dueDate: string; notes: string };

/** The lines and dates of a new invoice (the client and type are chosen above it); spare rows stay empty. */
export function InvoiceForm({ draft, errors, spareRows }: { draft: InvoiceDraft; errors: Errors; spareRows: number }) {
  const rows = [...draft.lines, ...Array.from({ length: spareRows }, () => ({ description: '', quantity: '', unitAmount: '' }))];
  const lineError = (index: number) => ['description', 'quantity', 'unitAmount'].map((field) => errors?.[`lines.${index}.${field}`]?.[0]).find(Boolean);
  return (
    <Form method="post" className="space-y-6" noValidate>
      <CsrfInput />
      <input type="hidden" name="clientId" value={draft.clientId} />
      <input type="hidden" name="type" value={draft.type} />
      <input type="hidden" name="spare" value={spareRows} />
      {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
      {errors && !errors.form ? <Notice tone="error">Please correct the fields marked below.</Notice> : null}
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-sm font-semibold text-slate-900">Line items</h2>
        {errors?.lines ? <p className="mt-1 text-sm text-rose-600">{errors.lines[0]}</p> : null}
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="pb-2 font-semibold">Description</th>
              <th className="w-24 pb-2 pl-2 font-semibold">Qty</th>
              <th className="w-36 pb-2 pl-2 font-semibold">Unit amount ({draft.currency})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((line, index) => (
              <tr key={index} className="align-top">
                <td className="pb-2">
                  <input aria-label={`Line ${index + 1} description`} name={`lines.${index}.description`} defaultValue={line.description} className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
                  {lineError(index) ? <p className="mt-1 text-xs text-rose-600">{lineError(index)}</p> : null}
                </td>
                <td className="pb-2 pl-2">
                  <input aria-label={`Line ${index + 1} quantity`} name={`lines.${index}.quantity`} inputMode="decimal" defaultValue={line.quantity} placeholder="1" className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
                </td>
                <td className="pb-2 pl-2">
                  <input aria-label={`Line ${index + 1} unit amount`} name={`lines.${index}.unitAmount`} inputMode="decimal" defaultValue={line.unitAmount} placeholder="0.00" className="block w-full rounded-md border-0 px-2.5 py-1.5 text-right text-sm tabular-nums ring-1 ring-inset ring-slate-300" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-2">
          <SubmitButton intent="more-lines" variant="ghost" size="sm" busyLabel="…">
            + More lines
          </SubmitButton>
        </div>
      </section>
      <section className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Currency" name="currency" maxLength={3} defaultValue={draft.currency} error={errors?.currency} />
        <Field label="Issue date" name="issueDate" type="date" defaultValue={draft.issueDate} error={errors?.issueDate} hint="Empty: today. Its year is the number's year." />
        <Field label="Due date" name="dueDate" type="date" defaultValue={draft.dueDate} error={errors?.dueDate} hint="Empty: the payment terms of the settings." />
        <Field label="Period start" name="periodStart" type="date" defaultValue={draft.periodStart} error={errors?.periodStart} />
        <Field label="Period end" name="periodEnd" type="date" defaultValue={draft.periodEnd} error={errors?.periodEnd} />
        <TextAreaField label="Notes (printed on the invoice)" name="notes" rows={2} defaultValue={draft.notes} error={errors?.notes} className="sm:col-span-2 lg:col-span-3" />
      </section>
      <div className="flex justify-end gap-2">
        <Link to="/staff/invoices" className={buttonClass({ variant: 'secondary' })}>
          Cancel
        </Link>
        <SubmitButton intent="create" busyLabel="Issuing…">
          Issue invoice
        </SubmitButton>
      </div>
    </Form>
  );
}
