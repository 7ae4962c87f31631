import { ApiTokenCreateSchema, TOKEN_SCOPES } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { FilterBar, filterInputClass } from '~/components/staff/list-controls';
import { DoneNotice } from '~/components/staff/notice-from-url';
import { SecretOnce } from '~/components/staff/secret-once';
import { Badge } from '~/components/ui/badge';
import { Card, EmptyState } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SelectField } from '~/components/ui/select-field';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { isConfirmed, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, formValues } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDate, formatDateTime } from '~/lib/format';
import { readListQuery } from '~/lib/list-query.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listAllTokens, TOKEN_STATES } from '~/services/api-token-admin.server';
import { createToken, revokeToken } from '~/services/api-tokens.server';
import { listUserOptions } from '~/services/staff-options.server';

export const meta: MetaFunction = () => [{ title: 'API tokens' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const query = readListQuery({ schema: z.object({ state: z.enum(TOKEN_STATES).optional(), user: z.uuid().optional(), cursor: z.string().max(500).optional() }), request });
  const [page, users] = await Promise.all([listAllTokens({ caller, query: { ...query, limit: 50 } }), listUserOptions(caller)]);
  return { ...page, users, scopes: TOKEN_SCOPES, me: caller.user.id, filters: { state: query.state ?? '', user: query.user ?? '' }, hasPrevious: Boolean(query.cursor) };
}

type ActionResult = { errors?: FormErrors; created?: { token: string; name: string }; confirm?: { id: string; name: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const values = formValues(form);
  if (values.intent === 'revoke') {
    const id = z.uuid().safeParse(values.id);
    if (!id.success) return data<ActionResult>({ errors: { form: ['Choose a token from the list'] } }, { status: 400 });
    if (!isConfirmed(form)) return data<ActionResult>({ confirm: { id: id.data, name: values.name ?? 'this token' } });
    await revokeToken({ caller, id: id.data });
    return redirectWithNotice(request, { done: 'revoked' });
  }
  // expires at the end of the chosen day (UTC); no date: never
  const parsed = ApiTokenCreateSchema.safeParse({
    name: values.name ?? '',
    scopes: form.getAll('scopes').map(String),
    userId: values.userId,
    expiresAt: values.expiresOn ? `${values.expiresOn}T23:59:59Z` : null,
  });
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error) }, { status: 400 });
  try {
    const created = await createToken({ caller, input: parsed.data });
    return data<ActionResult>({ created: { token: created.token, name: created.apiToken.name } });
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error) }, { status: 400 });
  }
}

const STATE_TONE = { active: 'green', expired: 'amber', revoked: 'gray' } as const;

export default function StaffTokens() {
  const { data: tokens, nextCursor, hasPrevious, users, scopes, me, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors;
  return (
    <>
      <PageHeader title="API tokens" description="Every token of every user: for n8n's Monoliet node, scripts and integrations." />
      <DoneNotice messages={{ revoked: 'The token is revoked: requests with it are refused from now on.' }} />
      {result?.created ? <SecretOnce title={`Token “${result.created.name}” created`} secret={result.created.token} /> : null}
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <div className="mb-4">
            <FilterBar resetTo="/staff/tokens">
              <label className="text-xs font-medium text-slate-600">
                State
                <select name="state" defaultValue={filters.state} className={filterInputClass}>
                  <option value="">All</option>
                  <option value="active">Active</option>
                  <option value="expired">Expired</option>
                  <option value="revoked">Revoked</option>
                </select>
              </label>
              <label className="text-xs font-medium text-slate-600">
                Owner
                <select name="user" defaultValue={filters.user} className={`${filterInputClass} w-56`}>
                  <option value="">Everyone</option>
                  {users.map((user) => (
                    <option key={user.value} value={user.value}>
                      {user.label}
                    </option>
                  ))}
                </select>
              </label>
            </FilterBar>
          </div>
          <DataTable
            caption="API tokens"
            rows={tokens}
            rowKey={(token) => token.id}
            empty={<EmptyState title="No tokens">Nothing matches these filters.</EmptyState>}
            columns={[
              { key: 'name', header: 'Name', cell: (t) => <span className="font-medium text-slate-900">{t.name}</span> },
              { key: 'prefix', header: 'Starts with', cell: (t) => <code className="text-xs">{t.prefix}…</code> },
              { key: 'owner', header: 'Owner', cell: (t) => t.owner?.email ?? '—' },
              { key: 'scopes', header: 'Scopes', cell: (t) => t.scopes.join(', ') },
              { key: 'state', header: 'State', cell: (t) => <Badge tone={STATE_TONE[t.state]}>{t.state}</Badge> },
              { key: 'used', header: 'Last used', cell: (t) => <span className="whitespace-nowrap text-slate-500">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</span> },
              { key: 'expires', header: 'Expires', cell: (t) => <span className="whitespace-nowrap text-slate-500">{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</span> },
              {
                key: 'revoke',
                header: <span className="sr-only">Actions</span>,
                cell: (t) =>
                  t.state === 'revoked' ? null : (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="id" value={t.id} />
                      <input type="hidden" name="name" value={t.name} />
                      <SubmitButton intent="revoke" variant="ghost" size="sm" busyLabel="…">
                        Revoke
                      </SubmitButton>
                    </Form>
                  ),
              },
            ]}
          />
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </Card>
        <Card title="New token">
          <Form method="post" className="space-y-4" noValidate>
            <CsrfInput />
            {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
            <Field label="Name" name="name" required placeholder="n8n production" error={errors?.name} />
            <SelectField label="Owner" name="userId" defaultValue={me} error={errors?.userId} options={users} hint="The token acts as this user, with their access." />
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Scopes</legend>
              <div className="mt-1.5 flex gap-4">
                {scopes.map((scope) => (
                  <label key={scope} className="flex items-center gap-1.5 text-sm text-slate-700">
                    <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'read'} /> {scope}
                  </label>
                ))}
              </div>
              {errors?.scopes ? <p className="mt-1.5 text-sm text-rose-600">{errors.scopes[0]}</p> : null}
            </fieldset>
            <Field label="Expires on (optional)" name="expiresOn" type="date" error={errors?.expiresAt} hint="Empty: never expires. Prefer a date." />
            <SubmitButton intent="create" busyLabel="Creating…">
              Create token
            </SubmitButton>
          </Form>
        </Card>
      </div>
      {result?.confirm ? (
        <ConfirmDialog title="Revoke this token?" intent="revoke" fields={{ id: result.confirm.id, name: result.confirm.name }} confirmLabel="Revoke" busyLabel="Revoking…" cancelTo="/staff/tokens" danger>
          <p>Anything using “{result.confirm.name}” stops working at once. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
