import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { ArrowLeftIcon } from '~/components/icons';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { DoneNotice } from '~/components/staff/done-notice';
import { WorkflowSettingsForm } from '~/components/staff/workflow-settings-form';
import { RunFilters, RunsTable } from '~/components/workflow-runs';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { StatCard } from '~/components/ui/stat-card';
import { WorkflowStatusBadge } from '~/components/ui/status-badge';
import { SubmitButton } from '~/components/ui/submit-button';
import { isConfirmed, pagePathOf, readNotice, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { formatDateTime, formatDuration, formatHours, formatNumber, formatPercent } from '~/lib/format';
import { KPI_DAYS } from '~/lib/periods';
import { parseRunFilters } from '~/lib/run-filters';
import { actionMessageFrom } from '~/lib/staff-actions.server';
import { loadClientOptions } from '~/lib/staff-options.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { parseWorkflowSettings } from '~/lib/workflow-settings-form';
import { getExecutionStats } from '~/services/execution-stats.server';
import { listExecutions } from '~/services/executions.server';
import { getInstance } from '~/services/n8n-instances.server';
import { setWorkflowActive } from '~/services/workflow-activation.server';
import { updateWorkflow } from '~/services/workflow-updates.server';
import { getWorkflow } from '~/services/workflows.server';

const PAGE_SIZE = 25;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workflow.name} · Workflows · Staff` : 'Workflow' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const workflow = await loadForPage(getWorkflow({ caller, id: requireIdParam(params) }));
  const url = new URL(request.url);
  const filters = parseRunFilters(url.searchParams);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const [instance, clients, stats, runs] = await Promise.all([
    getInstance({ caller, id: workflow.instanceId }),
    loadClientOptions(caller),
    getExecutionStats({ caller, query: { days: KPI_DAYS, workflow: workflow.id } }),
    loadForPage(listExecutions({ caller, query: { workflow: workflow.id, limit: PAGE_SIZE, order: '-startedAt', cursor, ...filters.query } })),
  ]);
  return { workflow, instance: { id: instance.id, name: instance.name }, clients, stats, runs: runs.data, nextCursor: runs.nextCursor, hasPrevious: Boolean(cursor), filters: filters.form, notice: readNotice(url.searchParams) };
}

type ActionResult = { error: string | null; fieldErrors?: Record<string, string[]>; values?: Record<string, string | undefined>; confirm?: { intent: 'save' | 'deactivate'; fields: Record<string, string>; title: string; body: string; cancelTo: string } };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const form = await request.formData();
  const intent = form.get('intent');
  try {
    if (intent === 'activate') {
      await setWorkflowActive({ caller, id, active: true });
      return redirectWithNotice(request, { done: 'activated' });
    }
    if (intent === 'deactivate') {
      if (!isConfirmed(form)) {
        const workflow = await loadForPage(getWorkflow({ caller, id }));
        return { error: null, confirm: { intent, fields: {}, title: `Switch off “${workflow.name}” in n8n?`, body: 'n8n stops running it (its triggers and schedule) until it is switched on again. The client sees it as paused.', cancelTo: pagePathOf(request) } };
      }
      await setWorkflowActive({ caller, id, active: false });
      return redirectWithNotice(request, { done: 'deactivated' });
    }
    if (intent === 'save') return await saveSettings({ request, form, caller, id });
  } catch (error) {
    return { error: actionMessageFrom(error) };
  }
  return { error: 'Unknown action' };
}

async function saveSettings({ request, form, caller, id }: { request: Request; form: FormData; caller: Awaited<ReturnType<typeof requireStaffCaller>>['caller']; id: string }): Promise<ActionResult | Response> {
  const values = formValues(form);
  const parsed = parseWorkflowSettings(values);
  if (!parsed.input) return { error: null, fieldErrors: parsed.errors, values };
  const workflow = await loadForPage(getWorkflow({ caller, id }));
  // moving a workflow away from a client takes it (and its history) out of that client's portal
  if (workflow.client && parsed.input.clientId !== workflow.client.id && !isConfirmed(form)) {
    const fields = { clientId: values.clientId ?? '', minutesSavedPerRun: values.minutesSavedPerRun ?? '', expectedIntervalMinutes: values.expectedIntervalMinutes ?? '' };
    return { error: null, values, confirm: { intent: 'save', fields, title: `Take “${workflow.name}” away from ${workflow.client.companyName}?`, body: `${workflow.client.companyName} will no longer see this workflow, its runs or the time it saved.`, cancelTo: pagePathOf(request) } };
  }
  await updateWorkflow({ caller, id, input: parsed.input });
  return redirectWithNotice(request, { done: 'saved' });
}

const NOTICES = {
  saved: () => 'Settings saved.',
  activated: () => 'Switched on in n8n.',
  deactivated: () => 'Switched off in n8n.',
};

export default function StaffWorkflow() {
  const { workflow, instance, clients, stats, runs, nextCursor, hasPrevious, filters, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <Link to="/staff/workflows" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900">
        <ArrowLeftIcon /> All workflows
      </Link>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{workflow.name || 'Untitled workflow'}</h1>
            <WorkflowStatusBadge workflow={workflow} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            <span data-testid="workflow-client">{workflow.client ? workflow.client.companyName : 'Unassigned'}</span> · n8n id {workflow.n8nWorkflowId} on{' '}
            <Link to={`/staff/instances/${instance.id}`} className="hover:underline">
              {instance.name}
            </Link>
            {workflow.lastRun ? ` · last run ${formatDateTime(workflow.lastRun.startedAt)}` : ' · no runs yet'}
          </p>
        </div>
        <Form method="post">
          <CsrfInput />
          {workflow.active ? (
            <SubmitButton intent="deactivate" variant="secondary" busyLabel="Switching off…">
              Deactivate in n8n
            </SubmitButton>
          ) : (
            <SubmitButton intent="activate" busyLabel="Switching on…">
              Activate in n8n
            </SubmitButton>
          )}
        </Form>
      </div>
      <div className="mb-6 space-y-3 empty:hidden">
        <DoneNotice notice={notice} messages={NOTICES} />
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      </div>

      <section aria-label={`Last ${KPI_DAYS} days`} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard featured label="Hours saved" value={formatHours(stats.minutesSaved)} rawValue={stats.minutesSaved} testId="kpi-hours-saved" hint={`Last ${KPI_DAYS} days`} />
        <StatCard label="Runs" value={formatNumber(stats.total)} rawValue={stats.total} testId="kpi-runs" hint={`${formatNumber(stats.error)} failed`} />
        <StatCard label="Success rate" value={formatPercent(stats.successRate)} rawValue={stats.successRate} testId="kpi-success-rate" hint={`Last ${KPI_DAYS} days`} />
        <StatCard label="Typical duration" value={formatDuration(stats.avgDurationMs)} rawValue={stats.avgDurationMs} testId="kpi-duration" hint="Average per run" />
      </section>

      <div className="mt-6 grid gap-6 xl:grid-cols-3">
        <Card title="Settings" className="xl:col-span-1">
          <WorkflowSettingsForm key={`${workflow.updatedAt}`} workflow={workflow} clients={clients} errors={result?.fieldErrors} values={result?.fieldErrors ? result.values : undefined} />
        </Card>
        <Card title="Runs" className="xl:col-span-2" action={<span className="text-xs text-slate-500">Newest first</span>}>
          <RunFilters filters={filters} />
          <div className="mt-4">
            <RunsTable runs={runs} filtered={filters.active} />
          </div>
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </Card>
      </div>

      {result?.confirm ? (
        <ConfirmDialog
          title={result.confirm.title}
          intent={result.confirm.intent}
          fields={result.confirm.fields}
          confirmLabel={result.confirm.intent === 'deactivate' ? 'Switch off' : 'Move it'}
          busyLabel="Working…"
          cancelTo={result.confirm.cancelTo}
          danger
        >
          <p>{result.confirm.body}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
