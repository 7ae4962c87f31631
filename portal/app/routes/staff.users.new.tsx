import { UserCreateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SelectField } from '~/components/ui/select-field';
import { SubmitButton } from '~/components/ui/submit-button';
import { formErrorsFrom, formValues } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { sendAccountLink } from '~/services/account-links.server';
import { listClientOptions } from '~/services/staff-options.server';
import { createUserAccount } from '~/services/user-accounts.server';

export const meta: MetaFunction = () => [{ title: 'Add a user' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  return { clients: await listClientOptions(caller) };
}

type ActionResult = { errors: FormErrors; values: Record<string, string | undefined> };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const values = formValues(await request.formData());
  const invite = values.access !== 'password';
  const isClient = values.role === 'client';
  const parsed = UserCreateSchema.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    password: invite ? undefined : (values.password ?? ''),
    clientId: isClient ? values.clientId : undefined,
    memberRole: isClient && values.clientId ? values.memberRole : undefined,
  });
  // the password is never sent back into the page
  const kept = { ...values, password: undefined };
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error), values: kept }, { status: 400 });
  try {
    const user = await createUserAccount({ caller, input: parsed.data });
    if (invite) await sendAccountLink({ caller, id: user.id, purpose: 'invite' });
    return redirect(`/staff/users/${user.id}?done=${invite ? 'invited' : 'created'}`);
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error), values: kept }, { status: 400 });
  }
}

export default function NewUser() {
  const { clients } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <>
      <PageHeader title="Add a user" description={<Link to="/staff/users" className="hover:underline">← All users</Link>} />
      <Card className="max-w-2xl">
        <Form method="post" className="space-y-5" noValidate>
          <CsrfInput />
          {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Email" name="email" type="email" required defaultValue={values.email} error={errors?.email} />
            <Field label="Name" name="name" defaultValue={values.name} error={errors?.name} />
          </div>
          <SelectField label="Role" name="role" defaultValue={values.role ?? 'client'} error={errors?.role} options={[{ value: 'client', label: 'Client user' }, { value: 'staff', label: 'Staff (the agency)' }]} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Client (client users)" name="clientId" defaultValue={values.clientId ?? ''} error={errors?.clientId} options={[{ value: '', label: 'No client yet' }, ...clients]} />
            <SelectField label="Role at the client" name="memberRole" defaultValue={values.memberRole ?? 'member'} error={errors?.memberRole} options={[{ value: 'member', label: 'Member' }, { value: 'owner', label: 'Owner (sees the company’s people)' }]} />
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Access</legend>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name="access" value="invite" defaultChecked={values.access !== 'password'} /> Email an invitation with a link to choose a password (valid 7 days)
            </label>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name="access" value="password" defaultChecked={values.access === 'password'} /> Set a password now
            </label>
          </fieldset>
          <Field label="Password (only when setting it now)" name="password" type="password" autoComplete="new-password" error={errors?.password} />
          <div className="flex justify-end">
            <SubmitButton busyLabel="Adding…">Add user</SubmitButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
