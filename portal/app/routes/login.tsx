import { LoginSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useBranding } from '~/components/branding';
import { Button } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { getCurrentUser, homePathFor, safeRedirectPath } from '~/lib/auth.server';
import { parseForm } from '~/lib/forms.server';
import { commitSession, newSession } from '~/lib/session.server';
import { signIn } from '~/services/sign-in.server';

export const meta: MetaFunction = () => [{ title: 'Sign in' }];

// a refused sign-in (too many failures) says when to try again, on the page and in Retry-After
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? new Headers({ 'Retry-After': retryAfter }) : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentUser(request);
  if (current?.session.verified) throw redirect(homePathFor(current.user));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  const form = await parseForm(request, LoginSchema);
  if (form.errors) return data({ errors: form.errors, email: form.values.email ?? '' }, { status: 400 });
  const result = await signIn({ ...form.data, ip: context.ip });
  if (!result.ok && result.reason === 'rate_limited') {
    return data({ errors: { form: [result.message] }, email: form.data.email }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
  }
  if (!result.ok) return data({ errors: { form: [result.message] }, email: form.data.email }, { status: 400 });
  const cookie = await commitSession(newSession({ userId: result.user.id, version: result.user.sessionVersion }));
  return redirect(safeRedirectPath(redirectTo, homePathFor(result.user)), { headers: { 'Set-Cookie': cookie } });
}

export default function Login() {
  const branding = useBranding();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== 'idle';
  const errors = result?.errors as Record<string, string[]> | undefined;
  return (
    <main className="flex min-h-screen flex-col justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-6 py-12">
      <div className="mx-auto w-full max-w-sm">
        <div className="flex items-center justify-center gap-3">
          {branding.logoUrl ? (
            <img src={branding.logoUrl} alt="" className="h-10 w-10 rounded-lg object-contain" />
          ) : (
            <span className="grid h-10 w-10 place-items-center rounded-lg bg-brand text-lg font-bold text-white">{branding.companyName.slice(0, 1)}</span>
          )}
          <span className="text-lg font-semibold text-slate-900">{branding.companyName}</span>
        </div>
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">Sign in to your portal</h1>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <Form method="post" action={`/login${params.toString() ? `?${params}` : ''}`} className="space-y-5" noValidate>
            {errors?.form ? (
              <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
                {errors.form[0]}
              </p>
            ) : null}
            <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={result?.email} error={errors?.email} />
            <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors?.password} />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </Form>
        </div>
        {branding.supportEmail ? (
          <p className="mt-6 text-center text-xs text-slate-500">
            Trouble signing in? Write to <a className="font-medium text-slate-700 underline" href={`mailto:${branding.supportEmail}`}>{branding.supportEmail}</a>
          </p>
        ) : null}
      </div>
    </main>
  );
}
