import { TICKET_PRIORITIES, TicketCreateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { PRIORITY_HINTS } from '~/components/tickets/ticket-badges';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SelectField } from '~/components/ui/select-field';
import { SubmitButton } from '~/components/ui/submit-button';
import { TextAreaField } from '~/components/ui/textarea-field';
import { formErrorsFrom, formValues, requireClientCaller } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import { createTicket, listTicketWorkflowChoices } from '~/services/tickets.server';

export const meta: MetaFunction = () => [{ title: 'New ticket' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const workflows = await listTicketWorkflowChoices(caller);
  // "Report a problem" links from a workflow page can preselect it
  const preselected = new URL(request.url).searchParams.get('workflow');
  return { workflows, preselected: workflows.some((w) => w.id === preselected) ? preselected : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const values = formValues(await request.formData());
  const kept = { subject: values.subject ?? '', description: values.description ?? '', priority: values.priority ?? 'medium', workflowId: values.workflowId ?? '' };
  const parsed = TicketCreateSchema.safeParse({ subject: values.subject ?? '', description: values.description ?? '', priority: values.priority, workflowId: values.workflowId });
  if (!parsed.success) return data({ errors: zodDetails(parsed.error), values: kept }, { status: 400 });
  try {
    const ticket = await createTicket({ caller, input: parsed.data });
    return redirect(`/tickets/${ticket.id}?created=1`);
  } catch (error) {
    return data({ errors: formErrorsFrom(error), values: kept }, { status: 400 });
  }
}

export default function NewTicketPage() {
  const { workflows, preselected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string[]> | undefined;
  const values = result?.values;
  const workflowOptions = [{ value: '', label: 'Not about one automation in particular' }, ...workflows.map((w) => ({ value: w.id, label: w.name }))];
  return (
    <>
      <PageHeader title="New ticket" description="Tell us what you need. The more detail you give, the faster we can help." />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" noValidate>
          <CsrfInput />
          {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
          <Field label="Subject" name="subject" required maxLength={200} placeholder="e.g. Invoices stopped arriving in Xero" defaultValue={values?.subject} error={errors?.subject} />
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField label="Priority" name="priority" defaultValue={values?.priority ?? 'medium'} options={TICKET_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_HINTS[p] }))} error={errors?.priority} />
            <SelectField
              label="Automation (optional)"
              name="workflowId"
              defaultValue={values?.workflowId ?? preselected ?? ''}
              options={workflowOptions}
              error={errors?.workflowId}
              hint={workflows.length === 0 ? 'You have no automations yet.' : undefined}
            />
          </div>
          <TextAreaField
            label="Description"
            name="description"
            required
            rows={7}
            placeholder="What happened, when did it start, and what did you expect instead?"
            defaultValue={values?.description}
            error={errors?.description}
          />
          <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-5">
            <Link to="/tickets" className={buttonClass({ variant: 'ghost' })}>
              Cancel
            </Link>
            <SubmitButton busyLabel="Sending…">Open ticket</SubmitButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
