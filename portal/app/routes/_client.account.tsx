import { PasswordChangeSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { Badge } from '~/components/ui/badge';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable } from '~/components/ui/table';
import { useFormReset } from '~/components/ui/use-form-reset';
import { requireClientUser } from '~/lib/auth.server';
import { formErrorsFrom } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { commitSession, newSession } from '~/lib/session.server';
import { changeOwnPassword, listClientMembers } from '~/services/account.server';
import { MIN_PASSWORD_LENGTH } from '~/services/password-policy';

export const meta: MetaFunction = () => [{ title: 'Your account' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, client, memberRole } = await requireClientUser(request);
  const members = memberRole === 'owner' ? await listClientMembers({ clientId: client.id, memberRole }) : null;
  return { me: { id: user.id, name: user.name, email: user.email }, companyName: client.companyName, memberRole, members };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireClientUser(request);
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  // passwords are never sent back into the page, not even after an error
  const parsed = PasswordChangeSchema.safeParse(form);
  if (!parsed.success) return data<{ errors: FormErrors }>({ errors: zodDetails(parsed.error) }, { status: 400 });
  try {
    const updated = await changeOwnPassword({ user, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, ip: context.ip });
    // the new session version ends every other session; this one continues with a fresh cookie
    const cookie = await commitSession(newSession({ userId: updated.id, version: updated.sessionVersion }));
    return redirect('/account?password=changed', { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return data<{ errors: FormErrors }>({ errors: formErrorsFrom(error) }, { status: 400 });
  }
}

export default function AccountPage() {
  const { me, companyName, memberRole, members } = useLoaderData<typeof loader>();
  const errors = (useActionData<typeof action>() as { errors: FormErrors } | undefined)?.errors;
  const [params] = useSearchParams();
  const formRef = useFormReset();
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${me.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Profile">
          <dl className="space-y-3 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">{me.name || '—'}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Email</dt>
              <dd className="font-medium text-slate-900">{me.email}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Company</dt>
              <dd className="font-medium text-slate-900">{companyName}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-slate-500">Role</dt>
              <dd>
                <Badge tone={memberRole === 'owner' ? 'violet' : 'gray'}>{memberRole === 'owner' ? 'Account owner' : 'Member'}</Badge>
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="Change password">
          <Form ref={formRef} method="post" className="space-y-4" noValidate>
            <CsrfInput />
            {params.get('password') === 'changed' ? (
              <Notice tone="success" title="Your password was changed">
                You stay signed in here; other browsers and devices were signed out.
              </Notice>
            ) : null}
            {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
            <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors?.currentPassword} />
            <Field
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              error={errors?.newPassword}
              hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not your email address.`}
            />
            <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors?.confirmPassword} />
            <div className="flex justify-end">
              <SubmitButton busyLabel="Saving…">Change password</SubmitButton>
            </div>
          </Form>
        </Card>
      </div>
      {members ? (
        <Card title={`People at ${companyName}`} className="mt-6">
          <DataTable
            caption="Members of your company"
            rows={members}
            rowKey={(m) => m.id}
            columns={[
              { key: 'name', header: 'Name', cell: (m) => <span className="font-medium text-slate-900">{m.name || m.email.split('@')[0]}{m.id === me.id ? <span className="ml-1.5 text-xs text-slate-400">(you)</span> : null}</span> },
              { key: 'email', header: 'Email', cell: (m) => m.email },
              { key: 'role', header: 'Role', cell: (m) => <Badge tone={m.role === 'owner' ? 'violet' : 'gray'}>{m.role === 'owner' ? 'Owner' : 'Member'}</Badge> },
              { key: 'status', header: 'Access', cell: (m) => (m.isActive ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>) },
              { key: 'login', header: 'Last sign-in', cell: (m) => <span className="whitespace-nowrap text-slate-500">{m.lastLoginAt ? formatDateTime(m.lastLoginAt) : 'Never'}</span> },
            ]}
          />
          <p className="mt-4 text-xs text-slate-500">To add or remove people, ask your contact at the agency.</p>
        </Card>
      ) : null}
    </>
  );
}
