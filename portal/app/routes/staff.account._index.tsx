import { PasswordChangeSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { RecoveryCodesOnce } from '~/components/staff/recovery-codes';
import { Badge } from '~/components/ui/badge';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { useFormReset } from '~/components/ui/use-form-reset';
import { isConfirmed } from '~/lib/bulk-actions.server';
import { formErrorsFrom } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { PORTAL_PATHS } from '~/lib/portal-paths';
import { commitSession, newSession } from '~/lib/session.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { changeOwnPassword } from '~/services/account.server';
import { MIN_PASSWORD_LENGTH } from '~/services/password-policy';
import { describeTwoFactor, disableTwoFactor, regenerateRecoveryCodes } from '~/services/two-factor.server';

export const meta: MetaFunction = () => [{ title: 'Your account' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { current } = await requireStaffCaller({ request, context });
  const { user } = current;
  return { me: { name: user.name, email: user.email, lastLoginAt: user.lastLoginAt?.toISOString() ?? null }, twoFactor: describeTwoFactor(user) };
}

type ActionResult = { errors?: FormErrors; confirm?: 'disable-2fa' | 'regenerate-codes'; recoveryCodes?: string[] };

// passwords are never sent back into the page, not even after an error
export async function action({ request, context }: ActionFunctionArgs) {
  const { current } = await requireStaffCaller({ request, context });
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const password = fields.password ?? '';
  try {
    if (intent === 'change-password') {
      const parsed = PasswordChangeSchema.safeParse(fields);
      if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error) }, { status: 400 });
      const updated = await changeOwnPassword({ user: current.user, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, ip: context.ip });
      // the new session version ends every other session; this one continues with a fresh cookie
      return redirect('/staff/account?done=password', { headers: { 'Set-Cookie': await commitSession(newSession({ userId: updated.id, version: updated.sessionVersion })) } });
    }
    if (intent === 'disable-2fa' || intent === 'regenerate-codes') {
      if (!isConfirmed(form)) return data<ActionResult>({ confirm: intent });
      if (!password) return data<ActionResult>({ confirm: intent, errors: { password: ['Enter your password'] } }, { status: 400 });
      if (intent === 'regenerate-codes') return data<ActionResult>({ recoveryCodes: await regenerateRecoveryCodes({ user: current.user, password, ip: context.ip }) });
      const updated = await disableTwoFactor({ user: current.user, password, ip: context.ip });
      return redirect('/staff/account?done=2fa-off', { headers: { 'Set-Cookie': await commitSession(newSession({ userId: updated.id, version: updated.sessionVersion })) } });
    }
    return data<ActionResult>({ errors: { form: ['Unknown action'] } }, { status: 400 });
  } catch (error) {
    const errors = formErrorsFrom(error);
    const confirm = intent === 'disable-2fa' || intent === 'regenerate-codes' ? intent : undefined;
    return data<ActionResult>({ errors, confirm }, { status: 400 });
  }
}

const DONE: Record<string, string> = {
  password: 'Your password was changed. You stay signed in here; other browsers and devices were signed out.',
  '2fa-on': 'Two-factor authentication is on. Other browsers and devices were signed out.',
  '2fa-off': 'Two-factor authentication is off. Other browsers and devices were signed out.',
};

export default function StaffAccount() {
  const { me, twoFactor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const formRef = useFormReset();
  const done = DONE[params.get('done') ?? ''];
  const errors = result?.confirm ? undefined : result?.errors;
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${me.email}`} />
      {done ? (
        <div className="mb-6">
          <Notice tone="success">{done}</Notice>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Two-factor authentication" action={twoFactor.enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}>
          {result?.recoveryCodes ? (
            <RecoveryCodesOnce codes={result.recoveryCodes} />
          ) : twoFactor.enabled ? (
            <div className="space-y-4 text-sm text-slate-600">
              <p>
                Since {formatDateTime(twoFactor.enabledAt)}, signing in asks for a code from your authenticator app. You have{' '}
                <strong className="text-slate-900" data-testid="recovery-codes-left">{twoFactor.recoveryCodesLeft}</strong> unused recovery codes.
              </p>
              <Form method="post" className="flex flex-wrap gap-2">
                <CsrfInput />
                <SubmitButton intent="regenerate-codes" variant="secondary" busyLabel="Working…">
                  New recovery codes
                </SubmitButton>
                <SubmitButton intent="disable-2fa" variant="danger" busyLabel="Working…">
                  Turn off two-factor
                </SubmitButton>
              </Form>
            </div>
          ) : (
            <div className="space-y-4 text-sm text-slate-600">
              <p>Protect your staff account with a code from an authenticator app (1Password, Google Authenticator, Authy, …) in addition to your password.</p>
              <Link to={PORTAL_PATHS.staffTwoFactorSetup()} className={buttonClass()}>
                Set up two-factor
              </Link>
            </div>
          )}
        </Card>
        <Card title="Change password">
          <Form ref={formRef} method="post" className="space-y-4" noValidate>
            <CsrfInput />
            {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
            <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors?.currentPassword} />
            <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} error={errors?.newPassword} hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not your email address.`} />
            <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors?.confirmPassword} />
            <div className="flex justify-end">
              <SubmitButton intent="change-password" busyLabel="Saving…">
                Change password
              </SubmitButton>
            </div>
          </Form>
        </Card>
      </div>
      {result?.confirm ? (
        <ConfirmDialog
          title={result.confirm === 'disable-2fa' ? 'Turn off two-factor authentication?' : 'Make new recovery codes?'}
          intent={result.confirm}
          fields={{}}
          confirmLabel={result.confirm === 'disable-2fa' ? 'Turn off' : 'Make new codes'}
          busyLabel="Working…"
          cancelTo="/staff/account"
          danger={result.confirm === 'disable-2fa'}
        >
          <p>{result.confirm === 'disable-2fa' ? 'Signing in will ask only for your password, and your recovery codes stop working.' : 'Your current recovery codes stop working at once.'}</p>
          {result.errors?.form ? <Notice tone="error">{result.errors.form[0]}</Notice> : null}
          <Field label="Your password" name="password" type="password" autoComplete="current-password" required autoFocus error={result.errors?.password} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
