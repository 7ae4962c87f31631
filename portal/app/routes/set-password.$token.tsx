import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { AuthCard } from '~/components/auth-card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { formErrorsFrom } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { describeAccountLink, LINK_PROBLEMS, setPasswordWithLink } from '~/services/account-links.server';
import { MIN_PASSWORD_LENGTH } from '~/services/password-policy';

// The public page behind an invitation or password-reset link. The link's secret is the credential: the
// server's referrer policy (same-origin) keeps it from other sites and request logs redact it.

export const meta: MetaFunction = () => [{ title: 'Choose a password' }, { name: 'robots', content: 'noindex' }];


// built on the server only: zod schemas made at module level would also be made in the browser bundle,
// where zod's eval probe trips the strict CSP
function newPasswordSchema() {
  return z
    .object({ password: z.string().min(1, 'Enter a password').max(200, 'Use at most 200 characters'), confirmPassword: z.string().max(200) })
    .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match' });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await describeAccountLink(params.token ?? '');
  return state.ok ? { link: { purpose: state.purpose, email: state.email, name: state.name }, problem: null } : { link: null, problem: LINK_PROBLEMS[state.problem] };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = newPasswordSchema().safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<{ errors: FormErrors }>({ errors: zodDetails(parsed.error) }, { status: 400 });
  try {
    await setPasswordWithLink({ secret: params.token ?? '', password: parsed.data.password, ip: context.ip });
  } catch (error) {
    return data<{ errors: FormErrors }>({ errors: formErrorsFrom(error) }, { status: 400 });
  }
  return redirect('/login?notice=password-set');
}

export default function SetPassword() {
  const { link, problem } = useLoaderData<typeof loader>();
  const errors = (useActionData<typeof action>() as { errors: FormErrors } | undefined)?.errors;
  if (!link) {
    return (
      <AuthCard title="This link does not work">
        <Notice tone="error">{problem}</Notice>
        <p className="mt-4 text-center text-sm">
          <Link to="/login" className="font-medium text-slate-700 underline">
            Go to sign-in
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={link.purpose === 'invite' ? 'Welcome! Choose a password' : 'Choose a new password'} description={`For ${link.email}`}>
      <Form method="post" className="space-y-5" noValidate>
        {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
        <input type="hidden" name="username" autoComplete="username" value={link.email} />
        <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} error={errors?.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not your email address.`} />
        <Field label="Repeat the password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors?.confirmPassword} />
        <SubmitButton className="w-full" busyLabel="Saving…">
          Set password
        </SubmitButton>
      </Form>
    </AuthCard>
  );
}
