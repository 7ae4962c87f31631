import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { EmailStatusBadge } from '~/components/email-status-badge';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable } from '~/components/ui/table';
import { requireStaff } from '~/lib/auth.server';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { isEmailStatus, listEmails } from '~/services/email-outbox.server';

export const meta: MetaFunction = () => [{ title: 'Emails' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const search = params.get('q') ?? '';
  const status = params.get('status');
  const cursor = params.get('cursor') ?? undefined;
  const page = await loadForPage(listEmails({ search, status: isEmailStatus(status) ? status : undefined, cursor }));
  return { ...page, search, status: isEmailStatus(status) ? status : '', hasPrevious: Boolean(cursor) };
}

export default function StaffEmails() {
  const { data, nextCursor, search, status, hasPrevious } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Emails"
        description="Every mail the portal composed. Without SMTP_URL they stay here, in the outbox; with it, this is the log of what was sent."
      />
      <Card>
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Search</span>
            <input name="q" defaultValue={search} placeholder="Subject, recipient or template" className="mt-1 w-72 rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand" />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Status</span>
            <select name="status" defaultValue={status} className="mt-1 rounded-md border-0 py-2 pl-3 pr-8 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand">
              <option value="">All</option>
              <option value="outbox">Outbox</option>
              <option value="queued">Queued</option>
              <option value="sent">Sent</option>
              <option value="failed">Failed</option>
            </select>
          </label>
          <button type="submit" className={buttonClass({ variant: 'secondary' })}>
            Filter
          </button>
        </Form>
        <DataTable
          caption="Emails"
          rows={data}
          rowKey={(email) => email.id}
          empty={<EmptyState title="No emails">{search || status ? 'Nothing matches these filters.' : 'The portal has not composed any mail yet.'}</EmptyState>}
          columns={[
            { key: 'subject', header: 'Subject', cell: (email) => <Link to={`/staff/emails/${email.id}`} className="font-medium text-slate-900 hover:underline">{email.subject}</Link> },
            { key: 'to', header: 'To', cell: (email) => email.to.join(', ') },
            { key: 'template', header: 'Kind', cell: (email) => <span className="text-slate-500">{email.template}</span> },
            { key: 'status', header: 'Status', cell: (email) => <EmailStatusBadge status={email.status} /> },
            { key: 'created', header: 'Created', cell: (email) => <span className="whitespace-nowrap">{formatDateTime(email.createdAt)}</span> },
          ]}
        />
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
