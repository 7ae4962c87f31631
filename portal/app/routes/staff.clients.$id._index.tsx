import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PageHeader } from '~/components/app-shell';
import { PageError } from '~/components/page-error';
import { CredentialsCard, InvoicesCard, MembersCard, TicketsCard, TimelineCard, WorkflowsCard } from '~/components/staff/client-related';
import { ClientStatusBadge } from '~/components/staff/client-status-badge';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { loadForPage, requireIdParam } from '~/lib/client-page.server';
import { formatDate } from '~/lib/format';
import { formatMoney } from '~/lib/money';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { getClientOverview } from '~/services/client-overview.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.client.companyName : 'Client' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  return loadForPage(getClientOverview({ caller, id: requireIdParam(params) }));
}

export function ErrorBoundary() {
  return <PageError backTo="/staff/clients" backLabel="Back to the clients" />;
}

export default function StaffClient() {
  const { client, workflows, invoices, moreInvoices, outstanding, tickets, moreTickets, credentials, members, timeline } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get('done');
  return (
    <>
      <Link to="/staff/clients" className="mb-4 inline-flex text-sm font-medium text-slate-500 hover:text-slate-900">
        ← All clients
      </Link>
      <PageHeader
        title={client.companyName}
        description={
          <span className="inline-flex items-center gap-2">
            <ClientStatusBadge status={client.status} /> <span className="font-mono text-xs">client:{client.slug}</span>
          </span>
        }
        actions={
          <>
            <Link to={`/staff/invoices/new?client=${client.id}`} className={buttonClass({ variant: 'secondary' })}>
              New invoice
            </Link>
            <Link to={`/staff/clients/${client.id}/edit`} className={buttonClass()}>
              Edit
            </Link>
          </>
        }
      />
      {done === 'created' ? <div className="mb-4"><Notice tone="success">Client created. Add its portal users on the Users page.</Notice></div> : null}
      {done === 'updated' ? <div className="mb-4"><Notice tone="success">Changes saved.</Notice></div> : null}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <WorkflowsCard rows={workflows} />
          <InvoicesCard clientId={client.id} rows={invoices} more={moreInvoices} />
          <TicketsCard clientId={client.id} rows={tickets} more={moreTickets} />
        </div>
        <div className="space-y-6">
          <Card title="Details">
            <dl className="space-y-2.5 text-sm">
              <Fact name="Contact">{client.contactName || '—'}</Fact>
              <Fact name="Email">{client.email}</Fact>
              <Fact name="Billing email">{client.billingEmail ?? 'the contact email'}</Fact>
              <Fact name="Phone">{client.phone || '—'}</Fact>
              <Fact name="Plan">{client.plan || '—'}</Fact>
              <Fact name="Fee">{`${formatMoney({ amount: client.monthlyFee, currency: client.currency })} / ${client.billingCycle === 'yearly' ? 'year' : 'month'}`}</Fact>
              <Fact name="Next billing">{client.nextBillingDate ? formatDate(client.nextBillingDate) : '—'}</Fact>
              <Fact name="Outstanding">
                <span data-testid="client-outstanding">
                  {outstanding.length === 0 ? 'nothing' : outstanding.map((total) => formatMoney({ amount: total.amountDue, currency: total.currency })).join(' + ')}
                </span>
              </Fact>
              <Fact name="Client since">{formatDate(client.createdAt)}</Fact>
            </dl>
            {client.notes ? <p className="mt-4 whitespace-pre-line rounded-md bg-amber-50 p-3 text-sm text-amber-900">{client.notes}</p> : null}
          </Card>
          <MembersCard rows={members} />
          <CredentialsCard rows={credentials} />
          <TimelineCard entries={timeline} />
        </div>
      </div>
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
