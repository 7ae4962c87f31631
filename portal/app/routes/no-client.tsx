import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useBranding } from '~/components/branding';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { homePathFor, requireUser } from '~/lib/auth.server';

// A client user whose account is not linked to a client yet.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, client } = await requireUser(request);
  if (user.role === 'staff' || client) throw redirect(homePathFor(user));
  return { email: user.email };
}

export default function NoClient() {
  const { email } = useLoaderData<typeof loader>();
  const branding = useBranding();
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">No client assigned yet</h1>
        <p className="mt-3 text-sm text-slate-600">
          You are signed in as <strong>{email}</strong>, but this account is not linked to a client yet, so there is nothing to show.
          {branding.supportEmail ? (
            <>
              {' '}Ask your contact at {branding.companyName} or write to{' '}
              <a className="font-medium underline" href={`mailto:${branding.supportEmail}`}>{branding.supportEmail}</a>.
            </>
          ) : null}
        </p>
        <Form method="post" action="/logout" className="mt-6">
          <CsrfInput />
          <Button type="submit" variant="secondary">Sign out</Button>
        </Form>
      </div>
    </main>
  );
}
