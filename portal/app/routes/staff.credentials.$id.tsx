import { CredentialRevealSchema, isTotpCode, type RevealedCredential } from '@monoliet/contract';
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PageHeader } from '~/components/app-shell';
import { CredentialStatusBadge } from '~/components/credentials/credential-status-badge';
import { CsrfInput } from '~/components/csrf-input';
import { PageError } from '~/components/page-error';
import { ConfirmDialog } from '~/components/staff/confirm-dialog';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { isConfirmed } from '~/lib/bulk-actions.server';
import { formErrorsFrom, formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { updateCredential } from '~/services/credential-changes.server';
import { revealCredential } from '~/services/credential-reveal.server';
import { getClient } from '~/services/clients.server';
import { getCredential } from '~/services/credentials.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.credential.serviceName : 'Credential' }];

// a page showing revealed values must not be kept by any cache: the action's no-store reaches the document response
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const cacheControl = actionHeaders.get('Cache-Control');
  return cacheControl ? new Headers({ 'Cache-Control': cacheControl }) : new Headers();
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { current, caller } = await requireStaffCaller({ request, context });
  const credential = await loadForPage(getCredential({ caller, id: requireIdParam(params) }));
  const client = await getClient({ caller, id: credential.clientId });
  return { credential, client: { id: client.id, companyName: client.companyName }, hasTwoFactor: current.user.totpEnabledAt !== null };
}

type ActionResult = { intent: string; errors?: FormErrors; revealed?: RevealedCredential; confirm?: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { current, caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const form = await request.formData();
  const values = formValues(form);
  const intent = values.intent ?? '';
  const fail = (errors: FormErrors) => data<ActionResult>({ intent, errors }, { status: 400 });
  try {
    if (intent === 'reveal') {
      const typed = String(form.get('password') ?? '');
      // one field takes either: a password has at least 10 characters, so 6 digits are an authenticator code
      const proof = current.user.totpEnabledAt && isTotpCode(typed) ? { code: typed } : { password: typed };
      const parsed = CredentialRevealSchema.safeParse(proof);
      if (!parsed.success) return fail(zodDetails(parsed.error));
      // the values travel in this one response only; they are never in a URL or a later page
      const revealed = await loadForPage(revealCredential({ caller, id, proof: parsed.data }));
      return data<ActionResult>({ intent, revealed }, { headers: { 'Cache-Control': 'no-store' } });
    }
    if (intent === 'active' || intent === 'invalid') {
      await loadForPage(updateCredential({ caller, id, input: { status: intent } }));
    } else if (intent === 'revoke') {
      if (!isConfirmed(form)) return data<ActionResult>({ intent, confirm: true });
      await loadForPage(updateCredential({ caller, id, input: { status: 'revoked' } }));
    } else {
      return fail({ form: ['Unknown action'] });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return fail(formErrorsFrom(error));
  }
  return redirect(`/staff/credentials/${id}?done=${intent}`);
}

export function ErrorBoundary() {
  return <PageError backTo="/staff/credentials" backLabel="Back to the credentials" />;
}

const DONE: Record<string, string> = { active: 'Marked in use.', invalid: 'Marked not working.', revoke: 'Revoked; the values were wiped.' };

export default function StaffCredential() {
  const { credential, client, hasTwoFactor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const location = useLocation();
  const done = params.get('done');
  const revoked = credential.status === 'revoked';
  return (
    <>
      <Link to="/staff/credentials" className="mb-4 inline-flex text-sm font-medium text-slate-500 hover:text-slate-900">
        ← All credentials
      </Link>
      <PageHeader
        title={credential.serviceName}
        description={
          <span className="inline-flex items-center gap-2">
            <CredentialStatusBadge status={credential.status} /> for{' '}
            <Link to={`/staff/clients/${client.id}`} className="font-medium text-slate-700 hover:underline">
              {client.companyName}
            </Link>
          </span>
        }
      />
      <div className="mb-4 space-y-3">
        {done && DONE[done] && !result ? <Notice tone="success">{DONE[done]}</Notice> : null}
        {result?.errors?.form ? <Notice tone="error">{result.errors.form[0]}</Notice> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Values">
            {result?.revealed ? (
              <div className="space-y-3" data-testid="revealed-values">
                <Notice tone="info">Shown once, for this page view; the reveal is in the audit log. Reload the page to hide them.</Notice>
                <dl className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
                  {Object.entries(result.revealed.fields).map(([name, value]) => (
                    <div key={name} className="grid grid-cols-3 gap-3 px-4 py-2.5 text-sm">
                      <dt className="text-slate-500">{name}</dt>
                      <dd className="col-span-2 break-all font-mono text-slate-900">{value}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : revoked ? (
              <p className="text-sm text-slate-500">This credential was revoked; its values were wiped.</p>
            ) : (
              <Form method="post" className="max-w-sm space-y-4" autoComplete="off">
                <CsrfInput />
                <p className="text-sm text-slate-600">
                  The values are encrypted. {hasTwoFactor ? 'Type your own password or the current code of your authenticator app' : 'Type your own password again'} to see them; the reveal is written to the audit log.
                </p>
                <Field
                  label={hasTwoFactor ? 'Password or authenticator code' : 'Your password'}
                  hint={hasTwoFactor ? 'Your own password, or the 6-digit code your authenticator app shows now.' : undefined}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  error={result?.intent === 'reveal' ? (result.errors?.password ?? result.errors?.code) : undefined}
                />
                <SubmitButton intent="reveal" busyLabel="Checking…">
                  Reveal values
                </SubmitButton>
              </Form>
            )}
          </Card>
          {credential.notes ? (
            <Card title="Notes from the client">
              <p className="whitespace-pre-line text-sm text-slate-700">{credential.notes}</p>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          <Card title="Details">
            <dl className="space-y-2.5 text-sm">
              <Fact name="Type">{credential.credentialType.replaceAll('_', ' ')}</Fact>
              <Fact name="Hint">{credential.hint || '—'}</Fact>
              <Fact name="Submitted by">{credential.submittedBy?.name ?? '—'}</Fact>
              <Fact name="Received">{formatDateTime(credential.createdAt)}</Fact>
              <Fact name="Last verified">{credential.lastVerified ? formatDateTime(credential.lastVerified) : '—'}</Fact>
            </dl>
          </Card>
          {revoked ? null : (
            <Card title="Status">
              <Form method="post" className="flex flex-wrap gap-2">
                <CsrfInput />
                {credential.status === 'active' ? null : (
                  <SubmitButton intent="active" variant="secondary" size="sm" busyLabel="…">
                    Mark in use
                  </SubmitButton>
                )}
                {credential.status === 'invalid' ? null : (
                  <SubmitButton intent="invalid" variant="secondary" size="sm" busyLabel="…">
                    Mark not working
                  </SubmitButton>
                )}
                <SubmitButton intent="revoke" variant="danger" size="sm" busyLabel="…">
                  Revoke
                </SubmitButton>
              </Form>
            </Card>
          )}
        </div>
      </div>
      {result?.confirm ? (
        <ConfirmDialog title="Revoke this credential?" intent="revoke" fields={{}} confirmLabel="Revoke and wipe" busyLabel="Revoking…" danger cancelTo={location.pathname}>
          <p>The stored values are wiped for good; the client has to submit the credential again to use it.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-slate-500">{name}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}
