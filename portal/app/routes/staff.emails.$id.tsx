import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { EmailStatusBadge } from '~/components/email-status-badge';
import { Button } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { actorOf } from '~/lib/caller.server';
import { formErrorsFrom, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { resendEmail } from '~/services/emails.server';
import { getEmail } from '~/services/email-outbox.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Email: ${data.email.subject}` : 'Email' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireStaffCaller({ request, context });
  return { email: await loadForPage(getEmail({ id: requireIdParam(params) })) };
}

/** Sends a failed mail again (audited). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  try {
    await resendEmail({ emailId: requireIdParam(params), actor: actorOf(caller) });
    return { error: null };
  } catch (error) {
    return { error: formErrorsFrom(error).form?.[0] ?? 'This email cannot be sent again' };
  }
}

export default function StaffEmail() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const rows: [string, string][] = [
    ['To', email.to.join(', ')],
    ['Kind', email.template],
    ['Created', formatDateTime(email.createdAt)],
    ['Sent', formatDateTime(email.sentAt)],
    ['Attempts', String(email.attempts)],
  ];
  return (
    <>
      <PageHeader
        title={email.subject}
        description={<Link to="/staff/emails" className="hover:underline">← All emails</Link>}
        actions={
          email.status === 'failed' ? (
            <Form method="post">
              <CsrfInput />
              <Button type="submit">Send again</Button>
            </Form>
          ) : null
        }
      />
      {result ? (
        <p role="status" className={`mb-6 rounded-md px-4 py-3 text-sm ${result.error ? 'bg-rose-50 text-rose-700' : 'bg-emerald-50 text-emerald-700'}`}>
          {result.error ?? 'Queued to be sent again.'}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <EmailStatusBadge status={email.status} />
              </dd>
            </div>
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
            {email.error ? (
              <div>
                <dt className="text-slate-500">Last error</dt>
                <dd className="break-words text-rose-700">{email.error}</dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card title="As sent (HTML)">
            {/* sandboxed without any permission: no scripts, no forms, no access to the portal's origin */}
            <iframe title="HTML version of the email" sandbox="" srcDoc={email.html} className="h-[32rem] w-full rounded-md border border-slate-200 bg-white" />
          </Card>
          <Card title="Plain text">
            <pre className="whitespace-pre-wrap break-words text-sm text-slate-700">{email.text}</pre>
          </Card>
        </div>
      </div>
    </>
  );
}
