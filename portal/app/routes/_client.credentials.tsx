import { CREDENTIAL_TYPES, CredentialCreateSchema, CredentialListQuerySchema, IdParamsSchema, type CredentialDto, type CredentialType } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { CredentialForm, type CredentialFormKept } from '~/components/credentials/credential-form';
import { CREDENTIAL_TYPE_LABELS } from '~/components/credentials/credential-presets';
import { CredentialStatusBadge } from '~/components/credentials/credential-status-badge';
import { CsrfInput } from '~/components/csrf-input';
import { Card, EmptyState } from '~/components/ui/card';
import { Notice } from '~/components/ui/notice';
import { Pager } from '~/components/ui/pager';
import { SubmitButton } from '~/components/ui/submit-button';
import { DataTable, type Column } from '~/components/ui/table';
import { formErrorsFrom, loadForPage, requireClientCaller } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDate } from '~/lib/format';
import { revokeCredential } from '~/services/credential-changes.server';
import { getCredential, listCredentials, submitCredential } from '~/services/credentials.server';

export const meta: MetaFunction = () => [{ title: 'Credentials' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const params = new URL(request.url).searchParams;
  const query = CredentialListQuerySchema.safeParse({ cursor: params.get('cursor') ?? undefined });
  const page = await listCredentials({ caller, query: query.success ? query.data : CredentialListQuerySchema.parse({}) });
  const submittedId = IdParamsSchema.safeParse({ id: params.get('submitted') });
  const submitted = submittedId.success ? await getCredential({ caller, id: submittedId.data.id }).catch(() => null) : null;
  return { credentials: page.data, nextCursor: page.nextCursor, hasPrevious: params.has('cursor'), submitted, revoked: params.has('revoked') };
}

type ActionResult = { errors: FormErrors; kept?: CredentialFormKept };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireClientCaller({ request, context });
  const form = await request.formData();
  if (form.get('intent') === 'revoke') {
    const id = IdParamsSchema.safeParse({ id: form.get('id') });
    if (!id.success) throw new Response('Not found', { status: 404 });
    await loadForPage(revokeCredential({ caller, id: id.data.id }));
    return redirect('/credentials?revoked=1');
  }
  const { input, kept, duplicate } = readSubmission(form);
  const fail = (errors: FormErrors) => data<ActionResult>({ errors, kept }, { status: 400 });
  if (duplicate) return fail({ fields: ['Give each value a different name'] });
  const parsed = CredentialCreateSchema.safeParse(input);
  if (!parsed.success) return fail(zodDetails(parsed.error));
  try {
    const credential = await submitCredential({ caller, input: parsed.data });
    // a redirect, so the values are not in this response and a reload cannot send them twice
    return redirect(`/credentials?submitted=${credential.id}`);
  } catch (error) {
    return fail(formErrorsFrom(error));
  }
}

/** The form as the API's input, and what may be shown again after an error: everything but the values. */
function readSubmission(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '');
  const values = form.getAll('fieldValue').map(String);
  // rows left completely empty are extra rows the client did not need
  const rows = form
    .getAll('fieldName')
    .map((name, index) => [String(name), values[index] ?? ''] as const)
    .filter(([name, value]) => name.trim() !== '' || value.trim() !== '');
  const type = CREDENTIAL_TYPES.find((t) => t === text('credentialType'));
  const kept: CredentialFormKept = { serviceName: text('serviceName'), credentialType: type ?? 'api_key', notes: text('notes'), fieldNames: rows.map(([name]) => name) };
  const names = rows.map(([name]) => name.trim());
  return {
    input: { serviceName: text('serviceName'), credentialType: text('credentialType'), notes: text('notes') || undefined, fields: Object.fromEntries(rows) },
    kept,
    duplicate: new Set(names).size !== names.length,
  };
}

const COLUMNS: Column<CredentialDto>[] = [
  {
    key: 'service',
    header: 'Service',
    cell: (c) => (
      <div>
        <p className="font-medium text-slate-900">{c.serviceName}</p>
        <p className="text-xs text-slate-500">{CREDENTIAL_TYPE_LABELS[c.credentialType as CredentialType]}</p>
      </div>
    ),
  },
  { key: 'status', header: 'Status', cell: (c) => <CredentialStatusBadge status={c.status} /> },
  { key: 'hint', header: 'Hint', cell: (c) => <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700" data-testid="credential-hint">{c.hint}</code> },
  { key: 'submitted', header: 'Submitted', cell: (c) => <span className="whitespace-nowrap">{formatDate(c.createdAt)}{c.submittedBy ? <span className="block text-xs text-slate-500">by {c.submittedBy.name}</span> : null}</span> },
  { key: 'verified', header: 'Last checked', cell: (c) => <span className="whitespace-nowrap text-slate-500">{c.lastVerified ? formatDate(c.lastVerified) : '—'}</span> },
  { key: 'actions', header: <span className="sr-only">Actions</span>, align: 'right', cell: (c) => (c.status === 'revoked' ? null : <RevokeButton credential={c} />) },
];

function RevokeButton({ credential }: { credential: CredentialDto }) {
  return (
    <Form method="post" onSubmit={(event) => { if (!window.confirm(`Revoke ${credential.serviceName}? Its values are deleted and automations using it will stop working.`)) event.preventDefault(); }}>
      <CsrfInput />
      <input type="hidden" name="id" value={credential.id} />
      <SubmitButton intent="revoke" variant="ghost" size="sm" busyLabel="Revoking…">
        Revoke
      </SubmitButton>
    </Form>
  );
}

export default function CredentialsPage() {
  const { credentials, nextCursor, hasPrevious, submitted, revoked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <PageHeader title="Credentials" description="Share passwords and API keys with our team safely. Once submitted, nobody can read them in the portal again — not even you." />
      <div className="space-y-6">
        {submitted ? (
          <Notice tone="success" title={`${submitted.serviceName} received`}>
            It is stored encrypted. From now on only its hint <code className="font-mono">{submitted.hint}</code> is shown.
          </Notice>
        ) : null}
        {revoked ? <Notice tone="info">The credential was revoked and its values were deleted.</Notice> : null}
        <Card title="Submit a credential">
          {/* each successful submit starts an empty form, so no value stays in the page; after an error the browser keeps them */}
          <CredentialForm key={submitted?.id ?? 'new'} errors={result?.errors} kept={result?.kept} />
        </Card>
        <Card title="Your credentials">
          <DataTable
            caption="Submitted credentials"
            columns={COLUMNS}
            rows={credentials}
            rowKey={(c) => c.id}
            empty={<EmptyState title="No credentials yet">When we need access to one of your tools, submit its key or login above. It goes straight into encrypted storage.</EmptyState>}
          />
          <Pager nextCursor={nextCursor} hasPrevious={hasPrevious} />
        </Card>
      </div>
    </>
  );
}
