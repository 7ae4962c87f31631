import { WORKFLOW_STATUSES, WorkflowListQuerySchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ConfirmDialog, SelectedList } from '~/components/staff/confirm-dialog';
import { BulkBar, FilterBar, filterInputClass, TabLinks } from '~/components/staff/list-controls';
import { selectColumn } from '~/components/staff/selection';
import { countOf, DoneNotice } from '~/components/staff/done-notice';
import { FilterSelect } from '~/components/staff/filter-select';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { WorkflowStatusBadge } from '~/components/ui/status-badge';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { isConfirmed, pagePathOf, readNotice, readSelectedIds, redirectWithNotice } from '~/lib/bulk-actions.server';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime, formatNumber } from '~/lib/format';
import { loadClientOptions, loadInstanceOptions } from '~/lib/staff-options.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { assignWorkflows } from '~/services/workflow-updates.server';
import { countUnassignedWorkflows, describeWorkflows, listWorkflows } from '~/services/workflows.server';

export const meta: MetaFunction = () => [{ title: 'Workflows · Staff' }];

const UNASSIGN = 'none';

const NOTICES = {
  assigned: ({ n }: { n: number }) => `${countOf(n, 'workflow')} assigned.`,
  unassigned: ({ n }: { n: number }) => `${countOf(n, 'workflow')} unassigned.`,
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const view = params.get('view') === 'unassigned' ? 'unassigned' : null;
  const filters = { client: params.get('client') || undefined, instance: params.get('instance') || undefined, status: params.get('status') || undefined, search: params.get('q') || undefined };
  const query = WorkflowListQuerySchema.safeParse({ ...filters, unassigned: view ? 'true' : undefined, cursor: params.get('cursor') ?? undefined, order: 'name' });
  if (!query.success) throw new Response('This filter is not valid; reset the filters and try again', { status: 400 });
  const [page, unassigned, clients, instances] = await Promise.all([
    loadForPage(listWorkflows({ caller, query: query.data })),
    countUnassignedWorkflows({ caller }),
    loadClientOptions(caller),
    loadInstanceOptions(caller),
  ]);
  return { ...page, view, filters, unassigned, clients, instances, hasPrevious: params.has('cursor'), notice: readNotice(params) };
}

/** Bulk assignment: the first post asks (with the names of the ticked workflows), the confirmed one assigns. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const ids = readSelectedIds(form);
  if (ids.length === 0) return { error: 'Tick the workflows to assign first.', confirm: null };
  const target = String(form.get('clientId') ?? '');
  const clients = await loadClientOptions(caller);
  const client = clients.find((option) => option.value === target);
  if (target !== UNASSIGN && !client) return { error: 'Choose the client to assign the workflows to.', confirm: null };
  const clientId = client ? client.value : null;
  if (!isConfirmed(form)) {
    const workflows = await describeWorkflows({ caller, ids });
    const items = workflows.map((workflow) => (workflow.client ? `${workflow.name} (now ${workflow.client})` : workflow.name));
    return { error: null, confirm: { ids, clientId: target, clientLabel: client?.label ?? null, items, cancelTo: pagePathOf(request) } };
  }
  const { assigned, skipped } = await assignWorkflows({ caller, ids, clientId });
  return redirectWithNotice(request, { done: clientId ? 'assigned' : 'unassigned', n: assigned, skipped });
}

export default function StaffWorkflows() {
  const { data, nextCursor, hasPrevious, view, filters, unassigned, clients, instances, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const instanceName = new Map(instances.map((option) => [option.value, option.label]));
  const confirm = result?.confirm;
  return (
    <>
      <PageHeader title="Workflows" description="Every workflow the portal knows of, from every n8n instance. New ones found by a sync wait in the unassigned queue until they get a client." />
      <div className="mb-4 space-y-3">
        <DoneNotice notice={notice} messages={NOTICES} />
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      </div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <TabLinks param="view" label="Workflow queues" current={view} tabs={[{ value: null, label: 'All' }, { value: 'unassigned', label: 'Unassigned', count: unassigned }]} />
      </div>
      <Card>
        <FilterBar keep={{ view }} resetTo={view ? '/staff/workflows?view=unassigned' : '/staff/workflows'}>
          <label className="text-xs font-medium text-slate-600">
            Search
            <input name="q" defaultValue={filters.search ?? ''} placeholder="Name or n8n id" className={`${filterInputClass} w-56`} />
          </label>
          {view ? null : <FilterSelect label="Client" name="client" value={filters.client} options={clients} />}
          <FilterSelect label="Instance" name="instance" value={filters.instance} options={instances} />
          <FilterSelect label="Status" name="status" value={filters.status} options={WORKFLOW_STATUSES.map((status) => ({ value: status, label: status }))} />
        </FilterBar>
        <Form method="post" className="mt-4 rounded-lg ring-1 ring-slate-200">
          <CsrfInput />
          <BulkBar noun="workflows">
            <label className="inline-flex items-center gap-2">
              <span className="sr-only">Client to assign</span>
              <select name="clientId" defaultValue="" className="h-8 rounded-md border-0 bg-white pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300" aria-label="Client to assign">
                <option value="">Choose a client…</option>
                {clients.map((client) => (
                  <option key={client.value} value={client.value}>
                    {client.label}
                  </option>
                ))}
                <option value={UNASSIGN}>No client (unassign)</option>
              </select>
            </label>
            <SubmitButton intent="assign" size="sm" busyLabel="Checking…">
              Assign
            </SubmitButton>
          </BulkBar>
          <DataTable
            caption="Workflows"
            rows={data}
            rowKey={(workflow) => workflow.id}
            empty={
              <EmptyState title={view ? 'No unassigned workflows' : 'No workflows'}>
                {params.toString() ? 'Nothing matches these filters.' : 'Workflows appear here once an n8n instance is synced or a run is reported.'}
              </EmptyState>
            }
            columns={[
              selectColumn<(typeof data)[number]>({ idOf: (workflow) => workflow.id, labelOf: (workflow) => workflow.name }),
              {
                key: 'name',
                header: 'Workflow',
                cell: (workflow) => (
                  <div>
                    <Link to={`/staff/workflows/${workflow.id}`} className="font-medium text-slate-900 hover:underline">
                      {workflow.name || 'Untitled workflow'}
                    </Link>
                    <p className="text-xs text-slate-500">n8n id {workflow.n8nWorkflowId}</p>
                  </div>
                ),
              },
              { key: 'client', header: 'Client', cell: (workflow) => (workflow.client ? workflow.client.companyName : <span className="text-amber-700">Unassigned</span>) },
              { key: 'instance', header: 'Instance', cell: (workflow) => instanceName.get(workflow.instanceId) ?? '—' },
              { key: 'state', header: 'State', cell: (workflow) => <WorkflowStatusBadge workflow={workflow} /> },
              { key: 'last', header: 'Last run', cell: (workflow) => <span className="whitespace-nowrap">{workflow.lastRun ? formatDateTime(workflow.lastRun.startedAt) : 'Never'}</span> },
              { key: 'saved', header: 'Min. saved / run', align: 'right', cell: (workflow) => formatNumber(workflow.minutesSavedPerRun) },
            ]}
          />
        </Form>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
      {confirm ? (
        <ConfirmDialog
          title={confirm.clientLabel ? `Assign ${confirm.ids.length} workflow${confirm.ids.length === 1 ? '' : 's'} to ${confirm.clientLabel}?` : `Unassign ${confirm.ids.length} workflow${confirm.ids.length === 1 ? '' : 's'}?`}
          intent="assign"
          fields={{ ids: confirm.ids, clientId: confirm.clientId }}
          confirmLabel={confirm.clientLabel ? 'Assign' : 'Unassign'}
          busyLabel="Assigning…"
          cancelTo={confirm.cancelTo}
        >
          <p>{confirm.clientLabel ? `The client will see these workflows, their runs and the time they save in the client portal.` : 'Their client will no longer see them or their runs.'}</p>
          <SelectedList items={confirm.items} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
