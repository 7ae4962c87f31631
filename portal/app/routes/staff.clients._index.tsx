import { ClientListQuerySchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ClientStatusBadge } from '~/components/staff/client-status-badge';
import { ConfirmDialog, SelectedList } from '~/components/staff/confirm-dialog';
import { BulkBar, FilterBar, filterInputClass, SortHeader, TabLinks } from '~/components/staff/list-controls';
import { selectColumn } from '~/components/staff/selection';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { isConfirmed, readNotice, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, loadForPage } from '~/lib/client-page.server';
import { formatDate } from '~/lib/format';
import { formatMoney } from '~/lib/money';
import { readBulkForm, readListQuery, requireStaffCaller } from '~/lib/staff-page.server';
import { sendWelcomeEmails } from '~/services/client-welcome.server';
import { listClients, setClientsStatus } from '~/services/clients.server';

export const meta: MetaFunction = () => [{ title: 'Clients' }];

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const query = readListQuery({ request, schema: ClientListQuerySchema.extend({ limit: ClientListQuerySchema.shape.limit.default(PAGE_SIZE) }) });
  const page = await loadForPage(listClients({ caller, query }));
  return { ...page, query: { status: query.status ?? null, search: query.search ?? '', order: query.order }, hasPrevious: Boolean(query.cursor), notice: readNotice(new URL(request.url).searchParams) };
}

const BULK = {
  'mark-churned': { title: 'Mark these clients churned?', label: 'Mark churned', busy: 'Marking…', text: 'Churned clients leave MRR from today; their workflows, invoices and history stay. Clients already churned are skipped.' },
  'mark-active': { title: 'Mark these clients active?', label: 'Mark active', busy: 'Marking…', text: 'Active clients count towards MRR again from today. Clients already active are skipped.' },
  welcome: { title: 'Send the welcome email?', label: 'Send welcome email', busy: 'Sending…', text: "Each selected client's contact email gets the welcome mail (see it under Emails). Churned clients are skipped." },
} as const;
type BulkIntent = keyof typeof BULK;
const isBulkIntent = (intent: string): intent is BulkIntent => intent in BULK;

type ActionResult = { confirm?: { intent: BulkIntent; ids: string[] }; error?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const { intent, ids } = readBulkForm(form);
  if (!isBulkIntent(intent)) return data<ActionResult>({ error: 'Unknown action' }, { status: 400 });
  if (ids.length === 0) return data<ActionResult>({ error: 'Tick at least one client first.' }, { status: 400 });
  if (!isConfirmed(form)) return data<ActionResult>({ confirm: { intent, ids } });
  try {
    const outcome = intent === 'welcome' ? await sendWelcomeEmails({ caller, ids }) : await setClientsStatus({ caller, ids, status: intent === 'mark-churned' ? 'churned' : 'active' });
    return redirectWithNotice(request, { done: intent, n: outcome.changed.length, skipped: outcome.skipped.length });
  } catch (error) {
    return data<ActionResult>({ error: (formErrorsFrom(error).form ?? ['The action failed'])[0] }, { status: 400 });
  }
}

const NOTICES: Record<string, (n: number) => string> = {
  'mark-churned': (n) => `${n} client${n === 1 ? '' : 's'} marked churned.`,
  'mark-active': (n) => `${n} client${n === 1 ? '' : 's'} marked active.`,
  welcome: (n) => `Welcome email queued for ${n} client${n === 1 ? '' : 's'}.`,
};

export default function StaffClients() {
  const { data: rows, nextCursor, hasPrevious, query, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const location = useLocation();
  const [params] = useSearchParams();
  const confirm = result?.confirm;
  return (
    <>
      <PageHeader
        title="Clients"
        description="The agency's clients, their plans and status. Tick clients for bulk actions."
        actions={
          <Link to="/staff/clients/new" className={buttonClass()}>
            New client
          </Link>
        }
      />
      <div className="mb-4 space-y-3">
        {notice && NOTICES[notice.done] ? (
          <Notice tone="success">
            {NOTICES[notice.done]!(notice.n)}
            {notice.skipped > 0 ? ` ${notice.skipped} skipped (already in that state, or churned).` : ''}
          </Notice>
        ) : null}
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      </div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <TabLinks
          param="status"
          label="Status"
          current={query.status}
          tabs={[
            { value: null, label: 'All' },
            { value: 'active', label: 'Active' },
            { value: 'paused', label: 'Paused' },
            { value: 'churned', label: 'Churned' },
          ]}
        />
        <FilterBar keep={{ status: query.status, order: query.order }} resetTo="/staff/clients">
          <label className="text-xs font-medium text-slate-600">
            Search
            <input name="search" type="search" defaultValue={query.search} placeholder="Name, slug or email" className={`${filterInputClass} w-64`} />
          </label>
        </FilterBar>
      </div>
      <Card>
        <Form method="post" id="bulk-clients">
          <CsrfInput />
          <BulkBar noun="clients">
            <SubmitButton intent="mark-active" variant="secondary" size="sm" busyLabel="…">
              Mark active
            </SubmitButton>
            <SubmitButton intent="mark-churned" variant="secondary" size="sm" busyLabel="…">
              Mark churned
            </SubmitButton>
            <SubmitButton intent="welcome" variant="secondary" size="sm" busyLabel="…">
              Send welcome email
            </SubmitButton>
          </BulkBar>
          <DataTable
            caption="Clients"
            rows={rows}
            rowKey={(client) => client.id}
            empty={<EmptyState title="No clients">{query.search || query.status ? 'Nothing matches these filters.' : 'Add the first client.'}</EmptyState>}
            columns={[
              selectColumn<(typeof rows)[number]>({ idOf: (client) => client.id, labelOf: (client) => client.companyName }),
              {
                key: 'name',
                header: <SortHeader label="Company" field="companyName" order={query.order} />,
                cell: (client) => (
                  <div>
                    <Link to={`/staff/clients/${client.id}`} className="font-medium text-slate-900 hover:underline">
                      {client.companyName}
                    </Link>
                    <p className="text-xs text-slate-500">{client.email}</p>
                  </div>
                ),
              },
              { key: 'status', header: 'Status', cell: (client) => <ClientStatusBadge status={client.status} /> },
              { key: 'plan', header: 'Plan', cell: (client) => client.plan || <span className="text-slate-400">—</span> },
              {
                key: 'fee',
                header: <SortHeader label="Fee" field="monthlyFee" order={query.order} />,
                align: 'right',
                cell: (client) => `${formatMoney({ amount: client.monthlyFee, currency: client.currency })} / ${client.billingCycle === 'yearly' ? 'year' : 'month'}`,
              },
              { key: 'next', header: 'Next billing', cell: (client) => (client.nextBillingDate ? formatDate(client.nextBillingDate) : '—') },
              { key: 'created', header: <SortHeader label="Added" field="createdAt" order={query.order} />, cell: (client) => formatDate(client.createdAt) },
            ]}
          />
        </Form>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
      {confirm ? (
        <ConfirmDialog
          title={BULK[confirm.intent].title}
          intent={confirm.intent}
          fields={{ ids: confirm.ids }}
          confirmLabel={BULK[confirm.intent].label}
          busyLabel={BULK[confirm.intent].busy}
          cancelTo={`${location.pathname}${params.size ? `?${params.toString()}` : ''}`}
          danger={confirm.intent === 'mark-churned'}
        >
          <p>{BULK[confirm.intent].text}</p>
          <SelectedList items={confirm.ids.map((id) => rows.find((client) => client.id === id)?.companyName ?? id)} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
