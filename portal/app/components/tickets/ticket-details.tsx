import type { TicketDto } from '@monoliet/contract';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDateTime } from '~/lib/format';
import { CsrfInput } from '../csrf-input';
import { Card } from '../ui/card';
import { Field } from '../ui/field';
import { SubmitButton } from '../ui/submit-button';
import { TextAreaField } from '../ui/textarea-field';
import { TicketPriorityBadge, TicketStatusBadge } from './ticket-badges';

type Errors = Record<string, string[]> | undefined;

/** The side panel of a ticket: its facts, resolve/reopen, and editing while it is still open. */
export function TicketDetails({ ticket, editErrors, editValues }: { ticket: TicketDto; editErrors: Errors; editValues?: Record<string, string> }) {
  const resolved = ticket.status === 'resolved';
  return (
    <Card title="Details">
      <dl className="space-y-3 text-sm">
        <Row label="Status">
          <span data-testid="ticket-status">
            <TicketStatusBadge status={ticket.status} />
          </span>
        </Row>
        <Row label="Priority">
          <TicketPriorityBadge priority={ticket.priority} />
        </Row>
        <Row label="Handled by">{ticket.assignee?.name ?? <span className="text-slate-400">Not assigned yet</span>}</Row>
        {ticket.workflow ? (
          <Row label="Automation">
            <Link to={`/workflows/${ticket.workflow.id}`} className="font-medium text-slate-900 hover:text-brand">
              {ticket.workflow.name}
            </Link>
          </Row>
        ) : null}
        <Row label="Opened">
          {formatDateTime(ticket.createdAt)}
          {ticket.createdBy ? <span className="block text-xs text-slate-500">by {ticket.createdBy.name}</span> : null}
        </Row>
        {ticket.resolvedAt ? <Row label="Resolved">{formatDateTime(ticket.resolvedAt)}</Row> : null}
      </dl>
      <Form method="post" className="mt-5 border-t border-slate-100 pt-4">
        <CsrfInput />
        {resolved ? (
          <SubmitButton intent="reopen" variant="secondary" busyLabel="Reopening…" className="w-full">
            Reopen ticket
          </SubmitButton>
        ) : (
          <SubmitButton intent="resolve" variant="secondary" busyLabel="Saving…" className="w-full">
            Mark as resolved
          </SubmitButton>
        )}
        <p className="mt-2 text-xs text-slate-500">{resolved ? 'Reopen it if the problem came back.' : 'Resolve it when everything works again.'}</p>
      </Form>
      {ticket.status === 'open' ? <EditTicket ticket={ticket} errors={editErrors} values={editValues} /> : null}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-800">{children}</dd>
    </div>
  );
}

/** Until work starts, the client can still correct what it wrote. */
function EditTicket({ ticket, errors, values }: { ticket: TicketDto; errors: Errors; values?: Record<string, string> }) {
  return (
    <details className="mt-4 border-t border-slate-100 pt-4" open={Boolean(errors)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">Edit subject or description</summary>
      <Form method="post" className="mt-3 space-y-3" noValidate>
        <CsrfInput />
        <Field label="Subject" name="subject" maxLength={200} defaultValue={values?.subject ?? ticket.subject} error={errors?.subject} />
        <TextAreaField label="Description" name="description" rows={5} defaultValue={values?.description ?? ticket.description} error={errors?.description} />
        {errors?.form ? <p className="text-sm text-rose-600">{errors.form[0]}</p> : null}
        <SubmitButton intent="edit" size="sm" busyLabel="Saving…">
          Save changes
        </SubmitButton>
      </Form>
    </details>
  );
}
