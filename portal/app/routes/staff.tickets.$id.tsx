import { TICKET_PRIORITIES, TICKET_STATUSES, TicketCommentCreateSchema, TicketUpdateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { PageError } from '~/components/page-error';
import { StaffConversation } from '~/components/staff/staff-conversation';
import { TicketPriorityBadge, TicketStatusBadge } from '~/components/tickets/ticket-badges';
import { TicketHistory } from '~/components/tickets/ticket-history';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { SelectField } from '~/components/ui/select-field';
import { SubmitButton } from '~/components/ui/submit-button';
import { TextAreaField } from '~/components/ui/textarea-field';
import { useFormReset } from '~/components/ui/use-form-reset';
import { formErrorsFrom, formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { getClient } from '~/services/clients.server';
import { listAssignableStaff } from '~/services/ticket-bulk.server';
import { addTicketComment, reopenTicket, resolveTicket, updateTicket } from '~/services/ticket-changes.server';
import { getTicket } from '~/services/tickets.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `#${data.ticket.number} ${data.ticket.subject}` : 'Ticket' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const ticket = await loadForPage(getTicket({ caller, id: requireIdParam(params) }));
  const [client, staff] = await Promise.all([getClient({ caller, id: ticket.clientId }), listAssignableStaff(caller)]);
  return { ticket, client: { id: client.id, companyName: client.companyName }, staff, statuses: TICKET_STATUSES, priorities: TICKET_PRIORITIES };
}

type ActionResult = { intent: string; errors: FormErrors; body?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const values = formValues(await request.formData());
  const intent = values.intent ?? '';
  const fail = (errors: FormErrors) => data<ActionResult>({ intent, errors, body: values.body }, { status: 400 });
  try {
    if (intent === 'reply' || intent === 'note') {
      const parsed = TicketCommentCreateSchema.safeParse({ body: values.body ?? '', internal: intent === 'note' });
      if (!parsed.success) return fail(zodDetails(parsed.error));
      await loadForPage(addTicketComment({ caller, id, input: parsed.data }));
    } else if (intent === 'update') {
      const parsed = TicketUpdateSchema.safeParse({ status: values.status, priority: values.priority, assigneeId: values.assigneeId ?? null });
      if (!parsed.success) return fail(zodDetails(parsed.error));
      await loadForPage(updateTicket({ caller, id, input: parsed.data }));
    } else if (intent === 'resolve') {
      await loadForPage(resolveTicket({ caller, id }));
    } else if (intent === 'reopen') {
      await loadForPage(reopenTicket({ caller, id }));
    } else {
      return fail({ form: ['Unknown action'] });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return fail(formErrorsFrom(error));
  }
  return redirect(`/staff/tickets/${id}?done=${intent}`);
}

export function ErrorBoundary() {
  return <PageError backTo="/staff/tickets" backLabel="Back to the tickets" />;
}

const STATUS_LABELS = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved' } as const;
const DONE: Record<string, string> = { reply: 'Reply sent.', note: 'Internal note added.', update: 'Ticket updated.', resolve: 'Ticket resolved; the client was told by email.', reopen: 'Ticket reopened.' };

export default function StaffTicket() {
  const { ticket, client, staff, statuses, priorities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const replyForm = useFormReset();
  const commentErrors = result?.intent === 'reply' || result?.intent === 'note' ? result.errors : undefined;
  const [params] = useSearchParams();
  const done = params.get('done');
  const resolved = ticket.status === 'resolved';
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link to="/staff/tickets" className="text-slate-500 hover:text-slate-900">
          ← Ticket queue
        </Link>
      </nav>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-500">
            Ticket #{ticket.number} ·{' '}
            <Link to={`/staff/clients/${client.id}`} className="hover:underline">
              {client.companyName}
            </Link>
            {ticket.workflow ? ` · ${ticket.workflow.name}` : ''}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{ticket.subject}</h1>
        </div>
        <div className="flex items-center gap-2">
          <TicketPriorityBadge priority={ticket.priority} />
          <TicketStatusBadge status={ticket.status} />
          <Form method="post">
            <CsrfInput />
            <SubmitButton intent={resolved ? 'reopen' : 'resolve'} variant={resolved ? 'secondary' : 'primary'} busyLabel="…">
              {resolved ? 'Reopen' : 'Resolve'}
            </SubmitButton>
          </Form>
        </div>
      </header>
      <div className="mb-4 space-y-3">
        {done && DONE[done] && !result ? <Notice tone="success">{DONE[done]}</Notice> : null}
        {result?.errors.form && result.intent !== 'reply' && result.intent !== 'note' ? <Notice tone="error">{result.errors.form[0]}</Notice> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Conversation">
            <StaffConversation opening={{ id: 'opening', body: ticket.description, author: ticket.createdBy, createdAt: ticket.createdAt }} comments={ticket.comments} />
          </Card>
          <Card title="Reply or add a note">
            <Form ref={replyForm} method="post" className="space-y-4" noValidate>
              <CsrfInput />
              {commentErrors?.form ? <Notice tone="error">{commentErrors.form[0]}</Notice> : null}
              <TextAreaField label="Message" name="body" required rows={4} defaultValue={commentErrors ? result?.body : undefined} error={commentErrors?.body} hint="A reply is mailed to the client; an internal note is seen only by staff." />
              <div className="flex justify-end gap-2">
                <SubmitButton intent="note" variant="secondary" busyLabel="Saving…">
                  Add internal note
                </SubmitButton>
                <SubmitButton intent="reply" busyLabel="Sending…">
                  Send reply
                </SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Triage">
            <Form method="post" className="space-y-4">
              <CsrfInput />
              <SelectField label="Status" name="status" defaultValue={ticket.status} options={statuses.map((status) => ({ value: status, label: STATUS_LABELS[status] }))} error={result?.intent === 'update' ? result.errors.status : undefined} />
              <SelectField label="Priority" name="priority" defaultValue={ticket.priority} options={priorities.map((priority) => ({ value: priority, label: priority[0]!.toUpperCase() + priority.slice(1) }))} />
              <SelectField
                label="Assignee"
                name="assigneeId"
                defaultValue={ticket.assignee?.id ?? ''}
                options={[{ value: '', label: 'Unassigned' }, ...staff.map((user) => ({ value: user.id, label: user.name }))]}
                error={result?.intent === 'update' ? result.errors.assigneeId : undefined}
              />
              <SubmitButton intent="update" variant="secondary" busyLabel="Saving…">
                Save
              </SubmitButton>
            </Form>
          </Card>
          <Card title="History">
            <TicketHistory history={ticket.history} />
          </Card>
        </div>
      </div>
    </>
  );
}
