import { TicketCommentCreateSchema, TicketUpdateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { PageError } from '~/components/page-error';
import { useBranding } from '~/components/branding';
import { TicketConversation } from '~/components/tickets/ticket-conversation';
import { TicketDetails } from '~/components/tickets/ticket-details';
import { TicketHistory } from '~/components/tickets/ticket-history';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { TextAreaField } from '~/components/ui/textarea-field';
import { useFormReset } from '~/components/ui/use-form-reset';
import { formErrorsFrom, formValues, loadForPage, requireClientCaller, requireIdParam } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { addTicketComment, reopenTicket, resolveTicket, updateTicket } from '~/services/ticket-changes.server';
import { getTicket } from '~/services/tickets.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `#${data.ticket.number} ${data.ticket.subject}` : 'Ticket' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const ticket = await loadForPage(getTicket({ caller, id: requireIdParam(params) }));
  return { ticket };
}

type ActionResult = { intent: string; errors: FormErrors; values?: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const id = requireIdParam(params);
  const values = formValues(await request.formData());
  const intent = values.intent ?? '';
  const fail = (errors: FormErrors, kept?: Record<string, string>) => data<ActionResult>({ intent, errors, values: kept }, { status: 400 });
  try {
    if (intent === 'reply') {
      const parsed = TicketCommentCreateSchema.safeParse({ body: values.body ?? '' });
      if (!parsed.success) return fail(zodDetails(parsed.error), { body: values.body ?? '' });
      await loadForPage(addTicketComment({ caller, id, input: { body: parsed.data.body, internal: false } }));
    } else if (intent === 'edit') {
      const kept = { subject: values.subject ?? '', description: values.description ?? '' };
      const parsed = TicketUpdateSchema.safeParse(kept);
      if (!parsed.success) return fail(zodDetails(parsed.error), kept);
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
    return fail(formErrorsFrom(error), values.body ? { body: values.body } : undefined);
  }
  return redirect(`/tickets/${id}`);
}

export function ErrorBoundary() {
  return <PageError backTo="/tickets" backLabel="Back to your tickets" />;
}

export default function TicketPage() {
  const { ticket } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const branding = useBranding();
  const replyForm = useFormReset();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : undefined);
  const replyErrors = errorsFor('reply');
  const resolved = ticket.status === 'resolved';
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link to="/tickets" className="text-slate-500 hover:text-slate-900">
          ← All tickets
        </Link>
      </nav>
      <header className="mb-6">
        <p className="text-sm font-medium text-slate-500">Ticket #{ticket.number}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{ticket.subject}</h1>
      </header>
      <div className="space-y-4">
        {params.get('created') ? <Notice tone="success" title={`Ticket #${ticket.number} is open`}>Our team has been notified and will reply here.</Notice> : null}
        {result?.errors.form && result.intent !== 'reply' && result.intent !== 'edit' ? <Notice tone="error">{result.errors.form[0]}</Notice> : null}
      </div>
      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Conversation">
            <TicketConversation opening={{ id: 'opening', body: ticket.description, author: ticket.createdBy, createdAt: ticket.createdAt }} comments={ticket.comments} agencyName={branding.companyName} />
          </Card>
          <Card title={resolved ? 'Still having this problem?' : 'Reply'}>
            <Form ref={replyForm} method="post" className="space-y-4" noValidate>
              <CsrfInput />
              {replyErrors?.form ? <Notice tone="error">{replyErrors.form[0]}</Notice> : null}
              <TextAreaField
                label="Your message"
                name="body"
                required
                rows={4}
                placeholder={resolved ? 'Tell us what is still wrong; your reply reopens the ticket.' : 'Write your reply…'}
                defaultValue={result?.intent === 'reply' ? result.values?.body : undefined}
                error={replyErrors?.body}
                hint={resolved ? 'This ticket is resolved. Sending a reply reopens it.' : undefined}
              />
              <div className="flex justify-end">
                <SubmitButton intent="reply" busyLabel="Sending…">
                  {resolved ? 'Reply and reopen' : 'Send reply'}
                </SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
        <div className="space-y-6">
          <TicketDetails ticket={ticket} editErrors={errorsFor('edit')} editValues={result?.intent === 'edit' ? result.values : undefined} />
          <Card title="Status history">
            <TicketHistory history={ticket.history} />
          </Card>
        </div>
      </div>
    </>
  );
}
