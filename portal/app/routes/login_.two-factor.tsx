import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { AuthCard } from '~/components/auth-card';
import { CsrfInput } from '~/components/csrf-input';
import { Field } from '~/components/ui/field';
import { SubmitButton } from '~/components/ui/submit-button';
import { homePathFor, safeRedirectPath } from '~/lib/auth.server';
import { verifyCsrfToken } from '~/lib/csrf.server';
import { commitSession, destroySession, newSession, readSession, type SessionData } from '~/lib/session.server';
import { isPendingSignInFresh, signInSecondStep } from '~/services/sign-in-second-step.server';

export const meta: MetaFunction = () => [{ title: 'Two-factor sign-in' }];

/** The pending session between the password and the code; anything else goes back to the password form. */
async function requirePendingSession(request: Request): Promise<SessionData> {
  const session = await readSession(request);
  if (!session) throw redirect('/login');
  if (session.verified) throw redirect('/');
  if (!isPendingSignInFresh({ issuedAt: session.issuedAt })) throw redirect('/login?notice=two-factor-expired', { headers: { 'Set-Cookie': destroySession() } });
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingSession(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePendingSession(request);
  await verifyCsrfToken(request, session);
  const code = String((await request.formData()).get('code') ?? '').trim();
  if (!code || code.length > 40) return data({ error: 'Enter the 6-digit code from your authenticator app, or a recovery code.' }, { status: 400 });
  const result = await signInSecondStep({ userId: session.userId, sessionVersion: session.version, code, ip: context.ip });
  if (!result.ok) {
    const status = result.reason === 'rate_limited' ? 429 : 400;
    const headers = result.reason === 'rate_limited' ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined;
    return data({ error: result.message }, { status, headers });
  }
  // a new session (new CSRF token, verified) replaces the pending one
  const cookie = await commitSession(newSession({ userId: result.user.id, version: result.user.sessionVersion }));
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  return redirect(safeRedirectPath(redirectTo, homePathFor(result.user)), { headers: { 'Set-Cookie': cookie } });
}

export default function TwoFactorSignIn() {
  const result = useActionData<typeof action>();
  return (
    <AuthCard title="Two-factor sign-in" description="Enter the 6-digit code from your authenticator app.">
      <Form method="post" className="space-y-5" noValidate>
        <CsrfInput />
        {result?.error ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
            {result.error}
          </p>
        ) : null}
        <Field label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus required hint="Lost your phone? Enter one of your recovery codes instead." />
        <SubmitButton className="w-full" busyLabel="Checking…">
          Verify
        </SubmitButton>
      </Form>
      <form method="post" action="/logout" className="mt-4 text-center">
        <CsrfInput />
        <button type="submit" className="text-sm font-medium text-slate-500 hover:text-slate-900">
          Cancel and use another account
        </button>
      </form>
    </AuthCard>
  );
}
