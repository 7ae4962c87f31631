import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { AuditTrail } from '~/components/staff/audit-trail';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { DoneNotice } from '~/components/staff/notice-from-url';
import { RoleBadge, UserStatusBadge } from '~/components/staff/user-badges';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SelectField } from '~/components/ui/select-field';
import { SubmitButton } from '~/components/ui/submit-button';
import { isConfirmed, redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom, formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { listAuditLog } from '~/services/audit-log.server';
import { isUserIntent, needsConfirmation, runUserAction, type UserIntent } from '~/services/staff-user-actions.server';
import { listClientOptions } from '~/services/staff-options.server';
import { getUserAccount } from '~/services/user-accounts.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `User: ${data.user.email}` : 'User' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const user = await loadForPage(getUserAccount({ caller, id }));
  const [clients, audit] = await Promise.all([listClientOptions(caller), listAuditLog({ caller, query: { targetType: 'user', targetId: id, limit: 15 } })]);
  return { user, clients, audit: audit.data, isSelf: id === caller.user.id };
}

type ActionResult = { errors?: FormErrors; confirm?: { intent: UserIntent; fields: Record<string, string> } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const form = await request.formData();
  const intent = form.get('intent');
  if (!isUserIntent(intent)) return data<ActionResult>({ errors: { form: ['Unknown action'] } }, { status: 400 });
  const values = formValues(form);
  const user = await loadForPage(getUserAccount({ caller, id }));
  if (needsConfirmation({ intent, values, user }) && !isConfirmed(form)) {
    const fields = Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined && !['intent', '_csrf', 'confirmed'].includes(key))) as Record<string, string>;
    return data<ActionResult>({ confirm: { intent, fields } });
  }
  try {
    return redirectWithNotice(request, { done: await runUserAction({ caller, id, intent, values }) });
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error) }, { status: 400 });
  }
}

const DONE: Record<string, string> = {
  created: 'The user was created with the password you set.',
  invited: 'The invitation is on its way (see Emails). Its link works once, for 7 days.',
  'reset-sent': 'A password reset link was mailed to the user. It works once, for 2 hours.',
  saved: 'Saved.',
  deactivated: 'The user is deactivated: their sessions, API tokens and links stopped working.',
  reactivated: 'The user is active again. Send a password reset if they need new access.',
  '2fa-reset': 'Two-factor sign-in is off for this user; they can set it up again from their account page.',
};

const CONFIRM: Record<string, { title: string; body: string; label: string; danger: boolean }> = {
  deactivate: { title: 'Deactivate this user?', body: 'They are signed out everywhere at once; their API tokens are revoked and their invitation or reset links stop working.', label: 'Deactivate', danger: true },
  'reset-2fa': { title: 'Turn off two-factor sign-in for this user?', body: 'Their authenticator app and recovery codes stop working and they are signed out. Do this only after you have checked who is asking.', label: 'Turn off two-factor', danger: true },
  save: { title: 'Change this user’s role?', body: 'A role change signs the user out everywhere and revokes their API tokens, which were granted for the old role.', label: 'Change the role', danger: false },
};

export default function StaffUser() {
  const { user, clients, audit, isSelf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors;
  const confirm = result?.confirm ? CONFIRM[result.confirm.intent] : undefined;
  return (
    <>
      <PageHeader title={user.name || user.email} description={<Link to="/staff/users" className="hover:underline">← All users</Link>} />
      <DoneNotice messages={DONE} />
      {errors?.form ? (
        <div className="mb-6">
          <Notice tone="error">{errors.form[0]}</Notice>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Account">
            <Form method="post" className="space-y-4" noValidate>
              <CsrfInput />
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Email" name="email" type="email" defaultValue={user.email} error={errors?.email} />
                <Field label="Name" name="name" defaultValue={user.name} error={errors?.name} />
              </div>
              <SelectField label="Role" name="role" defaultValue={user.role} disabled={isSelf} error={errors?.role} options={[{ value: 'client', label: 'Client user' }, { value: 'staff', label: 'Staff (the agency)' }]} />
              {isSelf ? <input type="hidden" name="role" value={user.role} /> : null}
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField label="Client (client users)" name="clientId" defaultValue={user.client?.id ?? ''} error={errors?.clientId} options={[{ value: '', label: 'No client' }, ...clients]} />
                <SelectField label="Role at the client" name="memberRole" defaultValue={user.memberRole ?? 'member'} error={errors?.memberRole} options={[{ value: 'member', label: 'Member' }, { value: 'owner', label: 'Owner' }]} />
              </div>
              <div className="flex justify-end">
                <SubmitButton intent="save" busyLabel="Saving…">
                  Save changes
                </SubmitButton>
              </div>
            </Form>
          </Card>
          <Card title="History">
            <AuditTrail entries={audit} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Access">
            <dl className="space-y-3 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Status</dt>
                <dd>
                  <UserStatusBadge isActive={user.isActive} hasPassword={user.hasPassword} />
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Role</dt>
                <dd>
                  <RoleBadge role={user.role} memberRole={user.memberRole} />
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Two-factor</dt>
                <dd className="text-slate-900">{user.twoFactorEnabled ? 'On' : 'Off'}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Last sign-in</dt>
                <dd className="text-slate-900">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}</dd>
              </div>
            </dl>
            <Form method="post" className="mt-5 flex flex-col gap-2">
              <CsrfInput />
              {user.isActive && !user.hasPassword ? (
                <SubmitButton intent="send-invite" variant="secondary" busyLabel="Sending…">
                  Send the invitation again
                </SubmitButton>
              ) : null}
              {user.isActive && user.hasPassword ? (
                <SubmitButton intent="send-reset" variant="secondary" busyLabel="Sending…">
                  Send a password reset link
                </SubmitButton>
              ) : null}
              {user.twoFactorEnabled && !isSelf ? (
                <SubmitButton intent="reset-2fa" variant="secondary" busyLabel="Working…">
                  Turn off two-factor
                </SubmitButton>
              ) : null}
              {isSelf ? null : user.isActive ? (
                <SubmitButton intent="deactivate" variant="danger" busyLabel="Working…">
                  Deactivate
                </SubmitButton>
              ) : (
                <SubmitButton intent="reactivate" busyLabel="Working…">
                  Reactivate
                </SubmitButton>
              )}
            </Form>
          </Card>
        </div>
      </div>
      {result?.confirm && confirm ? (
        <ConfirmDialog title={confirm.title} intent={result.confirm.intent} fields={result.confirm.fields} confirmLabel={confirm.label} busyLabel="Working…" cancelTo={`/staff/users/${user.id}`} danger={confirm.danger}>
          <p>{confirm.body}</p>
          <p className="font-medium text-slate-900">{user.email}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
