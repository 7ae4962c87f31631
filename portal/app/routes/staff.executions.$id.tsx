import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ArrowLeftIcon } from '~/components/icons';
import { Card } from '~/components/ui/card';
import { RunStatusBadge } from '~/components/ui/status-badge';
import { loadForPage, requireIdParam } from '~/lib/client-page.server';
import { formatDateTime, formatDuration } from '~/lib/format';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { getClient } from '~/services/clients.server';
import { getExecution } from '~/services/executions.server';
import { getInstance } from '~/services/n8n-instances.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Run ${data.run.n8nExecutionId} · Executions · Staff` : 'Execution' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const run = await loadForPage(getExecution({ caller, id: requireIdParam(params) }));
  const [instance, client] = await Promise.all([getInstance({ caller, id: run.instanceId }), run.clientId ? getClient({ caller, id: run.clientId }) : null]);
  // n8n's own page of this execution, for the full data of every node
  const n8nUrl = `${instance.baseUrl}/workflow/${encodeURIComponent(run.workflow.n8nWorkflowId)}/executions/${encodeURIComponent(run.n8nExecutionId)}`;
  return { run, instance: { id: instance.id, name: instance.name }, client: client ? { id: client.id, name: client.companyName } : null, n8nUrl };
}

export default function StaffExecution() {
  const { run, instance, client, n8nUrl } = useLoaderData<typeof loader>();
  const failed = Boolean(run.errorMessage || run.errorNode);
  const rows: [string, ReactNode][] = [
    ['Workflow', <Link key="w" to={`/staff/workflows/${run.workflow.id}`} className="hover:underline">{run.workflow.name || 'Untitled workflow'}</Link>],
    ['Client', client ? client.name : 'Unassigned'],
    ['n8n instance', <Link key="i" to={`/staff/instances/${instance.id}`} className="hover:underline">{instance.name}</Link>],
    ['n8n execution id', run.n8nExecutionId],
    ['Mode', run.mode],
    ['Started', formatDateTime(run.startedAt)],
    ['Stopped', run.stoppedAt ? formatDateTime(run.stoppedAt) : '—'],
    ['Duration', formatDuration(run.durationMs)],
    ['Items', run.itemCount === null ? '—' : String(run.itemCount)],
    ['Retry of', run.retryOf ?? '—'],
    ['Reported by', run.source === 'push' ? 'the Monoliet node (push)' : "n8n's API (sync)"],
  ];
  return (
    <>
      <Link to="/staff/executions" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900">
        <ArrowLeftIcon /> All executions
      </Link>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Run {run.n8nExecutionId}</h1>
        <RunStatusBadge status={run.status} />
        <a href={n8nUrl} target="_blank" rel="noreferrer noopener" className="text-sm font-medium text-brand hover:underline">
          Open in n8n ↗
        </a>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details">
          <dl className="space-y-3 text-sm">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Error" className="lg:col-span-2">
          {failed ? (
            <div className="space-y-4 text-sm" data-testid="run-error">
              <div>
                <p className="text-slate-500">Failed node</p>
                <p className="font-medium text-slate-900">{run.errorNode ?? 'Not reported'}</p>
              </div>
              <div>
                <p className="text-slate-500">Message</p>
                <pre className="mt-1 max-h-[28rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-rose-50 p-3 font-mono text-xs text-rose-800 ring-1 ring-inset ring-rose-200">{run.errorMessage ?? 'No message was reported'}</pre>
              </div>
              <p className="text-xs text-slate-500">The portal keeps the message and the node n8n reports; the stack trace and each node&apos;s data stay in n8n (open the run there).</p>
            </div>
          ) : (
            <p className="text-sm text-slate-500">{run.status === 'success' ? 'This run completed without an error.' : 'No error was reported for this run.'}</p>
          )}
        </Card>
      </div>
    </>
  );
}
