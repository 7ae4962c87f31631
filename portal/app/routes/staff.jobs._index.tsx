import { JOB_QUEUES, JobQueueSchema, type DeadJobDto } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ConfirmDialog, SelectedList } from '~/components/staff/confirm-dialog';
import { countOf, DoneNotice } from '~/components/staff/done-notice';
import { QueueCountsTable } from '~/components/staff/queue-counts';
import { BulkBar, TabLinks } from '~/components/staff/list-controls';
import { selectColumn } from '~/components/staff/selection';
import { buttonClass } from '~/components/ui/button';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { isConfirmed, pagePathOf, readNotice, readSelectedIds, redirectWithNotice } from '~/lib/bulk-actions.server';
import { actorOf } from '~/lib/caller.server';
import { loadForPage } from '~/lib/client-page.server';
import { ApiError } from '~/lib/errors.server';
import { formatDateTime } from '~/lib/format';
import { summarizePayload } from '~/lib/job-summary';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { countJobs, deleteDeadJob, getDeadJob, listDeadJobs, retryDeadJob } from '~/services/jobs.server';

export const meta: MetaFunction = () => [{ title: 'Jobs · Staff' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaffCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const queue = JobQueueSchema.safeParse(params.get('queue')).data ?? null;
  const cursor = params.get('cursor') ?? undefined;
  const [counts, page] = await Promise.all([countJobs(), loadForPage(listDeadJobs({ queue: queue ?? undefined, cursor }))]);
  return { counts, ...page, queue, hasPrevious: Boolean(cursor), notice: readNotice(params) };
}

/** Retry or delete dead jobs: one (the row's button, `retry:<id>`) or the ticked ones; always confirmed first. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const [verb, single] = String(form.get('intent') ?? '').split(':');
  if (verb !== 'retry' && verb !== 'delete') return { error: 'Unknown action', confirm: null };
  const ids = readSelectedIds(single ? selectionOf(single) : form);
  if (ids.length === 0) return { error: 'Tick the jobs first.', confirm: null };
  if (!isConfirmed(form)) {
    const jobs = (await Promise.all(ids.map((id) => getDeadJob({ id }).catch(ignoreGone)))).filter((job): job is DeadJobDto => job !== null);
    if (jobs.length === 0) return { error: 'These jobs are no longer waiting: they were retried or deleted already.', confirm: null };
    return { error: null, confirm: { verb, ids: jobs.map((job) => job.id), items: jobs.map(describeJob), cancelTo: pagePathOf(request) } };
  }
  let done = 0;
  for (const id of ids) {
    const work = verb === 'retry' ? retryDeadJob({ id, actor: actorOf(caller) }) : deleteDeadJob({ id, actor: actorOf(caller) });
    if (await work.then(() => true, ignoreGone)) done++;
  }
  return redirectWithNotice(request, { done: verb === 'retry' ? 'retried' : 'deleted', n: done, skipped: ids.length - done });
}

/** A row's button as a one-job selection, so it goes through the same checks as the ticked rows. */
function selectionOf(id: string): FormData {
  const form = new FormData();
  form.append('ids', id);
  return form;
}

function ignoreGone(error: unknown): null {
  if (error instanceof ApiError && error.code === 'not_found') return null;
  throw error;
}

function describeJob(job: DeadJobDto): string {
  return `${job.queue}: ${summarizePayload(job.data)}${job.error ? ` (${job.error.slice(0, 80)})` : ''}`;
}

const NOTICES = {
  retried: ({ n }: { n: number }) => `${countOf(n, 'job')} queued to run again.`,
  deleted: ({ n }: { n: number }) => `${countOf(n, 'job')} deleted.`,
};

export default function StaffJobs() {
  const { counts, data, nextCursor, hasPrevious, queue, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const confirm = result?.confirm;
  const dead = counts.reduce((sum, row) => sum + row.deadLettered, 0);
  return (
    <>
      <PageHeader title="Jobs" description="The background queues (emails, webhooks, syncs, reminders, health checks). A job that failed its last attempt waits here until it is retried or deleted." />
      <div className="mb-4 space-y-3 empty:hidden">
        <DoneNotice notice={notice} messages={NOTICES} />
        {result?.error ? <Notice tone="error">{result.error}</Notice> : null}
      </div>
      <Card title="Queues" className="mb-6">
        <QueueCountsTable counts={counts} />
      </Card>
      <div className="mb-4">
        <TabLinks param="queue" label="Queues" current={queue} tabs={[{ value: null, label: 'All', count: dead }, ...JOB_QUEUES.map((name) => ({ value: name, label: name, count: counts.find((row) => row.queue === name)?.deadLettered ?? 0 }))]} />
      </div>
      <Card title="Failed jobs">
        <Form method="post" className="rounded-lg ring-1 ring-slate-200">
          <CsrfInput />
          <BulkBar noun="jobs">
            <SubmitButton intent="retry" size="sm" busyLabel="Checking…">
              Retry
            </SubmitButton>
            <SubmitButton intent="delete" size="sm" variant="secondary" busyLabel="Checking…">
              Delete
            </SubmitButton>
          </BulkBar>
          <DataTable<DeadJobDto>
            caption="Failed jobs"
            rows={data}
            rowKey={(job) => job.id}
            empty={<EmptyState title="No failed jobs">{queue ? `Every ${queue} job succeeded or is still being retried.` : 'Every job succeeded or is still being retried.'}</EmptyState>}
            columns={[
              selectColumn<DeadJobDto>({ idOf: (job) => job.id, labelOf: (job) => `${job.queue} job ${job.id}` }),
              { key: 'queue', header: 'Queue', cell: (job) => <span className="font-medium text-slate-900">{job.queue}</span> },
              { key: 'error', header: 'Error', className: 'w-1/2', cell: (job) => <p className="break-words text-rose-700">{job.error ?? 'No error message'}</p> },
              { key: 'payload', header: 'Payload', cell: (job) => <code className="break-all text-xs text-slate-600">{summarizePayload(job.data)}</code> },
              { key: 'failed', header: 'Failed', cell: (job) => <span className="whitespace-nowrap">{formatDateTime(job.failedAt)}</span> },
              {
                key: 'actions',
                header: <span className="sr-only">Actions</span>,
                cell: (job) => (
                  <div className="flex gap-1">
                    <button type="submit" name="intent" value={`retry:${job.id}`} className={buttonClass({ variant: 'secondary', size: 'sm' })} aria-label={`Retry ${job.queue} job ${job.id}`}>
                      Retry
                    </button>
                    <button type="submit" name="intent" value={`delete:${job.id}`} className={buttonClass({ variant: 'ghost', size: 'sm' })} aria-label={`Delete ${job.queue} job ${job.id}`}>
                      Delete
                    </button>
                  </div>
                ),
              },
            ]}
          />
        </Form>
        <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
      </Card>
      {confirm ? (
        <ConfirmDialog
          title={confirm.verb === 'retry' ? `Run ${countOf(confirm.ids.length, 'job')} again?` : `Delete ${countOf(confirm.ids.length, 'job')}?`}
          intent={confirm.verb}
          fields={{ ids: confirm.ids }}
          confirmLabel={confirm.verb === 'retry' ? 'Retry' : 'Delete'}
          busyLabel={confirm.verb === 'retry' ? 'Queueing…' : 'Deleting…'}
          cancelTo={confirm.cancelTo}
          danger={confirm.verb === 'delete'}
        >
          <p>{confirm.verb === 'retry' ? 'Each job goes back to its queue with a fresh set of attempts.' : 'Their work (a mail, a webhook delivery, a sync) will not be done. This cannot be undone.'}</p>
          <SelectedList items={confirm.items} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
