import type { N8nInstanceDto } from '@monoliet/contract';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { DoneNotice } from '~/components/staff/done-notice';
import { TabLinks } from '~/components/staff/list-controls';
import { SyncStatusBadge } from '~/components/staff/sync-status-badge';
import { Badge } from '~/components/ui/badge';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Pager } from '~/components/ui/pager';
import { DataTable } from '~/components/ui/table';
import { readNotice } from '~/lib/bulk-actions.server';
import { loadForPage } from '~/lib/client-page.server';
import { formatDateTime, formatNumber } from '~/lib/format';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listInstances } from '~/services/n8n-instances.server';

export const meta: MetaFunction = () => [{ title: 'n8n instances · Staff' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const show = params.get('active') === 'true' || params.get('active') === 'false' ? params.get('active') : null;
  const cursor = params.get('cursor') ?? undefined;
  const page = await loadForPage(listInstances({ caller, query: { limit: 50, order: 'name', cursor, active: show === null ? undefined : show === 'true' } }));
  return { ...page, show, hasPrevious: Boolean(cursor), notice: readNotice(params) };
}

export default function StaffInstances() {
  const { data, nextCursor, hasPrevious, show, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="n8n instances"
        description="The n8n servers the portal syncs runs and workflows from, and switches workflows on and off in."
        actions={
          <Link to="/staff/instances/new" className={buttonClass()}>
            Add instance
          </Link>
        }
      />
      <div className="mb-4 space-y-3">
        <DoneNotice notice={notice} messages={{ deleted: () => 'The instance was deleted.' }} />
        <TabLinks param="active" label="Instance states" current={show} tabs={[{ value: null, label: 'All' }, { value: 'true', label: 'Active' }, { value: 'false', label: 'Inactive' }]} />
      </div>
      <Card>
        <DataTable<N8nInstanceDto>
          caption="n8n instances"
          rows={data}
          rowKey={(instance) => instance.id}
          empty={<EmptyState title="No n8n instances">Add the n8n instance your workflows run on to sync their runs.</EmptyState>}
          columns={[
            {
              key: 'name',
              header: 'Instance',
              cell: (instance) => (
                <div>
                  <Link to={`/staff/instances/${instance.id}`} className="font-medium text-slate-900 hover:underline">
                    {instance.name}
                  </Link>
                  <p className="text-xs text-slate-500">{instance.baseUrl}</p>
                </div>
              ),
            },
            { key: 'key', header: 'API key', cell: (instance) => (instance.hasApiKey ? <span className="font-mono text-xs">{instance.apiKeyHint}</span> : <span className="text-slate-400">push-only</span>) },
            { key: 'active', header: 'State', cell: (instance) => (instance.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Inactive</Badge>) },
            { key: 'workflows', header: 'Workflows', align: 'right', cell: (instance) => formatNumber(instance.workflowCount) },
            { key: 'sync', header: 'Last sync', cell: (instance) => <SyncStatusBadge status={instance.lastSyncStatus} /> },
            { key: 'at', header: 'Synced at', cell: (instance) => <span className="whitespace-nowrap">{formatDateTime(instance.lastSyncAt)}</span> },
          ]}
        />
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
    </>
  );
}
