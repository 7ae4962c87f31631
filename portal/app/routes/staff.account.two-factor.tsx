import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { RecoveryCodesOnce } from '~/components/staff/recovery-codes';
import { buttonClass } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { formErrorsFrom } from '~/lib/client-page.server';
import { getConfig } from '~/lib/config.server';
import type { FormErrors } from '~/lib/forms.server';
import { commitSession, newSession } from '~/lib/session.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { confirmTwoFactorEnrolment, prepareTwoFactorEnrolment } from '~/services/two-factor.server';

export const meta: MetaFunction = () => [{ title: 'Set up two-factor authentication' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { current } = await requireStaffCaller({ request, context });
  const required = getConfig().requireStaff2fa;
  // after the confirmation the page stays, to show the recovery codes once
  if (current.user.totpEnabledAt) return { enrolment: null, required };
  return { enrolment: await prepareTwoFactorEnrolment({ user: current.user }), required };
}

type ActionResult = { errors?: FormErrors; recoveryCodes?: string[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const { current } = await requireStaffCaller({ request, context });
  const code = String((await request.formData()).get('code') ?? '');
  try {
    const { recoveryCodes, user } = await confirmTwoFactorEnrolment({ user: current.user, code, ip: context.ip });
    // the enrolment ended every other session; this one continues, verified, with a fresh cookie
    const cookie = await commitSession(newSession({ userId: user.id, version: user.sessionVersion }));
    return data<ActionResult>({ recoveryCodes }, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error) }, { status: 400 });
  }
}

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export default function TwoFactorSetup() {
  const { enrolment, required } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  if (result?.recoveryCodes) {
    return (
      <>
        <PageHeader title="Two-factor authentication is on" description="From now on, signing in asks for a code from your app after your password." />
        <Card className="max-w-2xl">
          <RecoveryCodesOnce codes={result.recoveryCodes} />
          <div className="mt-6 flex justify-end">
            <Link to="/staff/account?done=2fa-on" className={buttonClass()}>
              I have saved my recovery codes
            </Link>
          </div>
        </Card>
      </>
    );
  }
  if (!enrolment) {
    return (
      <>
        <PageHeader title="Two-factor authentication" />
        <Notice tone="info">
          Two-factor authentication is already on. <Link to="/staff/account" className="font-medium underline">Back to your account</Link>
        </Notice>
      </>
    );
  }
  const errors = result?.errors;
  return (
    <>
      <PageHeader title="Set up two-factor authentication" description="Scan the code with an authenticator app, then enter the 6-digit code it shows." />
      {required ? (
        <div className="mb-6">
          <Notice tone="info" title="Two-factor authentication is required">
            This portal requires staff to sign in with a code from an authenticator app. Set it up to continue.
          </Notice>
        </div>
      ) : null}
      <div className="grid max-w-4xl gap-6 md:grid-cols-2">
        <Card title="1. Scan this QR code">
          <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" className="mx-auto h-56 w-56" data-testid="totp-qr" />
          <p className="mt-4 text-sm text-slate-600">Can’t scan it? Enter this key in your app instead (time-based, 6 digits):</p>
          <p className="mt-2 break-all rounded-md bg-slate-50 px-3 py-2 text-center font-mono text-sm tracking-wider text-slate-900 ring-1 ring-inset ring-slate-200" data-testid="totp-secret">
            {grouped(enrolment.secret)}
          </p>
        </Card>
        <Card title="2. Confirm with a code">
          <Form method="post" className="space-y-4" noValidate>
            <CsrfInput />
            {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
            <Field label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={errors?.code} />
            <SubmitButton busyLabel="Checking…">Turn on two-factor</SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
