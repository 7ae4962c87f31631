import { WebhookListQuerySchema, WebhookSubscriptionCreateSchema, WEBHOOK_EVENTS } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { FilterBar, filterInputClass } from '~/components/staff/list-controls';
import { DoneNotice } from '~/components/staff/notice-from-url';
import { SecretOnce } from '~/components/staff/secret-once';
import { readWebhookForm, WebhookFields } from '~/components/staff/webhook-form';
import { Badge } from '~/components/ui/badge';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { formErrorsFrom } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { readListQuery } from '~/lib/list-query.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { createWebhook, listWebhooks } from '~/services/webhook-subscriptions.server';

export const meta: MetaFunction = () => [{ title: 'Webhooks' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const query = readListQuery({ schema: WebhookListQuerySchema, request });
  const params = new URL(request.url).searchParams;
  const page = await listWebhooks({ caller, query: { ...query, limit: 50 } });
  return { ...page, events: WEBHOOK_EVENTS, filters: { event: query.event ?? '', active: params.get('active') ?? '' }, hasPrevious: Boolean(query.cursor) };
}

type ActionResult = { errors?: FormErrors; values?: ReturnType<typeof readWebhookForm>; created?: { id: string; secret: string; targetUrl: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const values = readWebhookForm(await request.formData());
  const parsed = WebhookSubscriptionCreateSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error), values }, { status: 400 });
  try {
    const created = await createWebhook({ caller, input: parsed.data });
    return data<ActionResult>({ created: { id: created.id, secret: created.secret, targetUrl: created.targetUrl } });
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error), values }, { status: 400 });
  }
}

export default function StaffWebhooks() {
  const { data: hooks, nextCursor, hasPrevious, events, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <PageHeader title="Webhooks" description="Portal events sent to other systems (n8n's Monoliet Trigger, scripts), signed with each subscription's secret." />
      <DoneNotice messages={{ deleted: 'The subscription and its delivery history were deleted.' }} />
      {result?.created ? (
        <SecretOnce title={`Subscription for ${result.created.targetUrl} created`} secret={result.created.secret}>
          The receiver checks each delivery's <code>x-monoliet-signature</code> with it. <Link to={`/staff/webhooks/${result.created.id}`} className="font-medium underline">Open the subscription</Link>
        </SecretOnce>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <div className="mb-4">
            <FilterBar resetTo="/staff/webhooks">
              <label className="text-xs font-medium text-slate-600">
                Event
                <select name="event" defaultValue={filters.event} className={filterInputClass}>
                  <option value="">All</option>
                  {events.map((event) => (
                    <option key={event} value={event}>
                      {event}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-xs font-medium text-slate-600">
                Status
                <select name="active" defaultValue={filters.active} className={filterInputClass}>
                  <option value="">All</option>
                  <option value="true">Active</option>
                  <option value="false">Paused</option>
                </select>
              </label>
            </FilterBar>
          </div>
          <DataTable
            caption="Webhook subscriptions"
            rows={hooks}
            rowKey={(hook) => hook.id}
            empty={<EmptyState title="No subscriptions">{filters.event || filters.active ? 'Nothing matches these filters.' : 'Create one, or let the Monoliet Trigger node register itself.'}</EmptyState>}
            columns={[
              { key: 'url', header: 'Target', cell: (h) => <Link to={`/staff/webhooks/${h.id}`} className="break-all font-medium text-slate-900 hover:text-brand">{h.targetUrl}</Link> },
              { key: 'events', header: 'Events', cell: (h) => <span className="text-xs">{h.events.join(', ')}</span> },
              { key: 'scope', header: 'For', cell: (h) => (h.clientId ? 'One client' : 'All clients') },
              { key: 'status', header: 'Status', cell: (h) => (h.isActive ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>) },
              { key: 'created', header: 'Created', cell: (h) => <span className="whitespace-nowrap text-slate-500">{formatDateTime(h.createdAt)}</span> },
            ]}
          />
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </Card>
        <Card title="New subscription">
          <Form method="post" className="space-y-4" noValidate>
            <CsrfInput />
            {result?.errors?.form ? <Notice tone="error">{result.errors.form[0]}</Notice> : null}
            <WebhookFields events={events} errors={result?.errors} values={result?.created ? undefined : result?.values} />
            <SubmitButton busyLabel="Creating…">Create subscription</SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
