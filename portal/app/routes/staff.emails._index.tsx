import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PageHeader } from '~/components/app-shell';
import { EmailStatusBadge } from '~/components/email-status-badge';
import { FilterSelect } from '~/components/staff/filter-select';
import { FilterBar, filterInputClass, TabLinks } from '~/components/staff/list-controls';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable } from '~/components/ui/table';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime } from '~/lib/format';
import { loadClientOptions } from '~/lib/staff-options.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { countEmailsByStatus, isEmailStatus, listEmails } from '~/services/email-outbox.server';

export const meta: MetaFunction = () => [{ title: 'Emails · Staff' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const search = params.get('q') ?? '';
  const status = isEmailStatus(params.get('status')) ? params.get('status') : null;
  const client = z.uuid().safeParse(params.get('client')).data ?? null;
  const cursor = params.get('cursor') ?? undefined;
  const [page, counts, clients] = await Promise.all([
    loadForPage(listEmails({ search, status: isEmailStatus(status) ? status : undefined, clientId: client ?? undefined, cursor })),
    countEmailsByStatus(),
    loadClientOptions(caller),
  ]);
  return { ...page, search, status, client, counts, clients, hasPrevious: Boolean(cursor) };
}

export default function StaffEmails() {
  const { data, nextCursor, search, status, client, counts, clients, hasPrevious } = useLoaderData<typeof loader>();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <>
      <PageHeader
        title="Emails"
        description="Every mail the portal composed. Without SMTP_URL they stay in the outbox; with it, this is the log of what was sent. A failed mail can be sent again from its page."
      />
      <div className="mb-4">
        <TabLinks
          param="status"
          label="Email states"
          current={status}
          tabs={[
            { value: null, label: 'All', count: total },
            { value: 'outbox', label: 'Outbox', count: counts.outbox },
            { value: 'queued', label: 'Queued', count: counts.queued },
            { value: 'sent', label: 'Sent', count: counts.sent },
            { value: 'failed', label: 'Failed', count: counts.failed },
          ]}
        />
      </div>
      <Card>
        <FilterBar keep={{ status }} resetTo={status ? `/staff/emails?status=${status}` : '/staff/emails'}>
          <label className="text-xs font-medium text-slate-600">
            Search
            <input name="q" defaultValue={search} placeholder="Subject, recipient or template" className={`${filterInputClass} w-72`} />
          </label>
          <FilterSelect label="Client" name="client" value={client} options={clients} />
        </FilterBar>
        <div className="mt-4">
          <DataTable
            caption="Emails"
            rows={data}
            rowKey={(email) => email.id}
            empty={<EmptyState title="No emails">{search || status || client ? 'Nothing matches these filters.' : 'The portal has not composed any mail yet.'}</EmptyState>}
            columns={[
              {
                key: 'subject',
                header: 'Subject',
                cell: (email) => (
                  <div className="max-w-md">
                    <Link to={`/staff/emails/${email.id}`} className="font-medium text-slate-900 hover:underline">
                      {email.subject}
                    </Link>
                    {email.error ? <p className="mt-0.5 truncate text-xs text-rose-700">{email.error}</p> : null}
                  </div>
                ),
              },
              { key: 'to', header: 'To', cell: (email) => email.to.join(', ') },
              { key: 'template', header: 'Kind', cell: (email) => <span className="text-slate-500">{email.template}</span> },
              { key: 'status', header: 'Status', cell: (email) => <EmailStatusBadge status={email.status} /> },
              { key: 'created', header: 'Created', cell: (email) => <span className="whitespace-nowrap">{formatDateTime(email.createdAt)}</span> },
              { key: 'sent', header: 'Sent', cell: (email) => <span className="whitespace-nowrap">{email.sentAt ? formatDateTime(email.sentAt) : '—'}</span> },
            ]}
          />
        </div>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
