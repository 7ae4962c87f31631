import type { N8nConnectionTest } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '~/components/csrf-input';
import { ArrowLeftIcon } from '~/components/icons';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { DoneNotice } from '~/components/staff/done-notice';
import { InstanceForm } from '~/components/staff/instance-form';
import { isSyncFinished, SyncHistory, SyncProgress } from '~/components/staff/sync-runs';
import { Badge } from '~/components/ui/badge';
import { Card } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { isConfirmed, pagePathOf, readNotice, redirectWithNotice } from '~/lib/bulk-actions.server';
import { actorOf } from '~/lib/caller.server';
import { formErrorsFrom, formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { ApiError } from '~/lib/errors.server';
import { formatDateTime } from '~/lib/format';
import { parseInstanceUpdate } from '~/lib/instance-form';
import { actionMessageFrom } from '~/lib/staff-actions.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { testInstanceConnection } from '~/services/n8n-instance-test.server';
import { deleteInstance, getInstance, updateInstance } from '~/services/n8n-instances.server';
import { getSyncRun, listSyncRuns, requestSync } from '~/services/sync-runs.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.instance.name} · n8n instances · Staff` : 'n8n instance' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const instance = await loadForPage(getInstance({ caller, id }));
  const url = new URL(request.url);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const history = await loadForPage(listSyncRuns({ instanceId: id, cursor }));
  // the run "Sync now" started (?run=), else the newest one while it is still under way
  const asked = z.uuid().safeParse(url.searchParams.get('run')).data;
  const followed = asked ? await getSyncRun({ id: asked }).catch(ignoreNotFound) : null;
  const newest = cursor ? null : history.data[0];
  const current = followed?.instanceId === id ? followed : newest && !isSyncFinished(newest) ? newest : null;
  return { instance, history: history.data, nextCursor: history.nextCursor, hasPrevious: Boolean(cursor), current, notice: readNotice(url.searchParams) };
}

function ignoreNotFound(error: unknown): null {
  if (error instanceof ApiError && error.code === 'not_found') return null;
  throw error;
}

type ActionResult = { error?: string; errors?: Record<string, string[]>; values?: Record<string, string | undefined>; test?: N8nConnectionTest; confirmDelete?: { cancelTo: string } };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const form = await request.formData();
  const intent = form.get('intent');
  try {
    if (intent === 'test') return { test: await testInstanceConnection({ caller, id }) };
    if (intent === 'sync') {
      const run = await requestSync({ instanceId: id, actor: actorOf(caller) });
      return redirect(`/staff/instances/${id}?run=${run.id}`);
    }
    if (intent === 'delete') {
      if (!isConfirmed(form)) return { confirmDelete: { cancelTo: pagePathOf(request) } };
      await deleteInstance({ caller, id });
      return redirect('/staff/instances?done=deleted');
    }
  } catch (error) {
    return { error: actionMessageFrom(error) };
  }
  if (intent !== 'save') return { error: 'Unknown action' };
  const values = formValues(form);
  const { apiKey: _key, ...safeValues } = values;
  const parsed = parseInstanceUpdate(values);
  if (!parsed.input) return { errors: parsed.errors, values: safeValues };
  try {
    await updateInstance({ caller, id, input: parsed.input });
  } catch (error) {
    return { errors: formErrorsFrom(error), values: safeValues };
  }
  return redirectWithNotice(request, { done: 'saved' });
}

const NOTICES = { saved: () => 'Changes saved.', created: () => 'Instance added. Test the connection, then sync it.' };

export default function StaffInstance() {
  const { instance, history, nextCursor, hasPrevious, current, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const syncing = current !== null && !isSyncFinished(current);
  return (
    <>
      <Link to="/staff/instances" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900">
        <ArrowLeftIcon /> All n8n instances
      </Link>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{instance.name}</h1>
            {instance.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Inactive</Badge>}
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {instance.baseUrl} · {instance.workflowCount} workflows · {instance.apiFlavor ? `n8n ${instance.apiFlavor === 'publish' ? '2.x' : '1.x'}` : 'version not known yet'} · last sync {formatDateTime(instance.lastSyncAt)}
          </p>
        </div>
        <Form method="post" className="flex gap-2">
          <CsrfInput />
          <SubmitButton intent="test" variant="secondary" busyLabel="Testing…">
            Test connection
          </SubmitButton>
          <SubmitButton intent="sync" busyLabel="Starting…">
            {syncing ? 'Syncing…' : 'Sync now'}
          </SubmitButton>
        </Form>
      </div>
      <div className="mb-6 space-y-3 empty:hidden">
        <DoneNotice notice={notice} messages={NOTICES} />
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
        {result?.test ? (
          <Notice tone={result.test.ok ? 'success' : 'error'} title={result.test.ok ? 'Connection works' : 'Connection failed'}>
            <span data-testid="connection-test">{result.test.message}</span>
          </Notice>
        ) : null}
      </div>
      {current ? (
        <div className="mb-6">
          <SyncProgress run={current} />
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6">
          <Card title="Settings">
            <InstanceForm key={instance.updatedAt} instance={instance} errors={result?.errors} values={result?.errors ? result.values : undefined} />
          </Card>
          <Card title="Delete">
            <p className="mb-3 text-sm text-slate-600">Only an instance without workflows in the portal can be deleted; otherwise make it inactive.</p>
            <Form method="post">
              <CsrfInput />
              <SubmitButton intent="delete" variant="danger" size="sm" busyLabel="Checking…">
                Delete instance
              </SubmitButton>
            </Form>
          </Card>
        </div>
        <Card title="Sync history" className="xl:col-span-2">
          <SyncHistory runs={history} />
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </Card>
      </div>
      {result?.confirmDelete ? (
        <ConfirmDialog title={`Delete “${instance.name}”?`} intent="delete" fields={{}} confirmLabel="Delete" busyLabel="Deleting…" cancelTo={result.confirmDelete.cancelTo} danger>
          <p>The portal forgets this instance and its sync history, and stops syncing it. Its stored API key is deleted too.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
