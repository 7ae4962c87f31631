import { WEBHOOK_EVENTS, WebhookDeliveryListQuerySchema, WebhookSubscriptionUpdateSchema, type WebhookDeliveryDto } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { TabLinks } from '~/components/staff/list-controls';
import { DoneNotice } from '~/components/staff/notice-from-url';
import { readWebhookForm, WebhookFields } from '~/components/staff/webhook-form';
import { Badge } from '~/components/ui/badge';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable, type Column } from '~/components/ui/table';
import { isConfirmed, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { readListQuery } from '~/lib/list-query.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listWebhookDeliveries, retryDeliveryAsStaff } from '~/services/webhook-deliveries.server';
import { deleteWebhook, getWebhook, updateWebhook } from '~/services/webhook-subscriptions.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Webhook: ${data.hook.targetUrl}` : 'Webhook' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const query = readListQuery({ schema: WebhookDeliveryListQuerySchema, request });
  const [hook, deliveries] = await Promise.all([loadForPage(getWebhook({ caller, id })), loadForPage(listWebhookDeliveries({ caller, id, query: { ...query, limit: 25 } }))]);
  return { hook, events: WEBHOOK_EVENTS, deliveries: deliveries.data, nextCursor: deliveries.nextCursor, status: query.status ?? null, hasPrevious: Boolean(query.cursor) };
}

type ActionResult = { errors?: FormErrors; confirm?: 'delete' | 'deactivate' };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const form = await request.formData();
  const intent = z.enum(['save', 'activate', 'deactivate', 'delete', 'retry']).safeParse(form.get('intent'));
  if (!intent.success) return data<ActionResult>({ errors: { form: ['Unknown action'] } }, { status: 400 });
  try {
    switch (intent.data) {
      case 'save': {
        const parsed = WebhookSubscriptionUpdateSchema.safeParse(readWebhookForm(form));
        if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error) }, { status: 400 });
        await updateWebhook({ caller, id, input: parsed.data });
        return redirectWithNotice(request, { done: 'saved' });
      }
      case 'activate':
        await updateWebhook({ caller, id, input: { isActive: true } });
        return redirectWithNotice(request, { done: 'activated' });
      case 'deactivate':
        if (!isConfirmed(form)) return data<ActionResult>({ confirm: 'deactivate' });
        await updateWebhook({ caller, id, input: { isActive: false } });
        return redirectWithNotice(request, { done: 'deactivated' });
      case 'delete':
        if (!isConfirmed(form)) return data<ActionResult>({ confirm: 'delete' });
        await deleteWebhook({ caller, id });
        return redirect('/staff/webhooks?done=deleted');
      case 'retry': {
        const deliveryId = z.uuid().safeParse(form.get('deliveryId'));
        if (!deliveryId.success) return data<ActionResult>({ errors: { form: ['Choose a delivery from the list'] } }, { status: 400 });
        await retryDeliveryAsStaff({ caller, subscriptionId: id, deliveryId: deliveryId.data });
        return redirectWithNotice(request, { done: 'retried' });
      }
    }
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error) }, { status: 400 });
  }
}

const DONE = {
  saved: 'Saved.',
  activated: 'The subscription is active: new events are delivered again.',
  deactivated: 'The subscription is paused: new events are not delivered to it.',
  retried: 'The delivery is queued to be sent again.',
};

const DELIVERY_TONE = { pending: 'amber', delivered: 'green', failed: 'red' } as const;

const COLUMNS: Column<WebhookDeliveryDto>[] = [
  { key: 'event', header: 'Event', cell: (d) => <code className="text-xs">{d.event}</code> },
  { key: 'status', header: 'Status', cell: (d) => <Badge tone={DELIVERY_TONE[d.status]}>{d.status}</Badge> },
  { key: 'attempts', header: 'Attempts', align: 'right', cell: (d) => d.attempts },
  { key: 'answer', header: 'Last answer', cell: (d) => <span className="text-xs">{d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : ''}{d.lastError ? ` ${d.lastError}` : d.lastStatusCode ? '' : '—'}</span> },
  { key: 'created', header: 'Created', cell: (d) => <span className="whitespace-nowrap text-slate-500">{formatDateTime(d.createdAt)}</span> },
  {
    key: 'retry',
    header: <span className="sr-only">Actions</span>,
    cell: (d) =>
      d.status === 'delivered' ? null : (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="deliveryId" value={d.id} />
          <SubmitButton intent="retry" variant="secondary" size="sm" busyLabel="…">
            Retry
          </SubmitButton>
        </Form>
      ),
  },
];

export default function StaffWebhook() {
  const { hook, events, deliveries, nextCursor, status, hasPrevious } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <PageHeader title={hook.description || 'Webhook subscription'} description={<Link to="/staff/webhooks" className="hover:underline">← All webhooks</Link>} actions={hook.isActive ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>} />
      <DoneNotice messages={DONE} />
      {result?.errors?.form ? (
        <div className="mb-6">
          <Notice tone="error">{result.errors.form[0]}</Notice>
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-3">
        <Card title="Deliveries" className="xl:col-span-2">
          <div className="mb-4">
            <TabLinks param="status" current={status} label="Delivery status" tabs={[{ value: null, label: 'All' }, { value: 'failed', label: 'Failed' }, { value: 'pending', label: 'Pending' }, { value: 'delivered', label: 'Delivered' }]} />
          </div>
          <DataTable caption="Deliveries" rows={deliveries} rowKey={(d) => d.id} columns={COLUMNS} empty={<EmptyState title="No deliveries">{status ? 'None with this status.' : 'No event was sent to this subscription yet.'}</EmptyState>} />
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </Card>
        <div className="space-y-6">
          <Card title="Subscription">
            <Form method="post" className="space-y-4" noValidate>
              <CsrfInput />
              <WebhookFields events={events} errors={result?.errors} values={hook} />
              <SubmitButton intent="save" busyLabel="Saving…">
                Save changes
              </SubmitButton>
            </Form>
          </Card>
          <Card title="Danger zone">
            <Form method="post" className="flex flex-wrap gap-2">
              <CsrfInput />
              {hook.isActive ? (
                <SubmitButton intent="deactivate" variant="secondary" busyLabel="…">
                  Pause deliveries
                </SubmitButton>
              ) : (
                <SubmitButton intent="activate" variant="secondary" busyLabel="…">
                  Resume deliveries
                </SubmitButton>
              )}
              <SubmitButton intent="delete" variant="danger" busyLabel="…">
                Delete
              </SubmitButton>
            </Form>
          </Card>
        </div>
      </div>
      {result?.confirm ? (
        <ConfirmDialog
          title={result.confirm === 'delete' ? 'Delete this subscription?' : 'Pause this subscription?'}
          intent={result.confirm}
          fields={{}}
          confirmLabel={result.confirm === 'delete' ? 'Delete' : 'Pause'}
          busyLabel="Working…"
          cancelTo={`/staff/webhooks/${hook.id}`}
          danger={result.confirm === 'delete'}
        >
          <p>{result.confirm === 'delete' ? 'Its delivery history goes with it, and its receiver gets no more events. This cannot be undone.' : 'New events are not sent to it until you resume it.'}</p>
          <p className="break-all font-medium text-slate-900">{hook.targetUrl}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
