import { ClientUpdateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { ClientForm } from '~/components/staff/client-form';
import { clientInputFrom } from '~/lib/client-form';
import { formErrorsFrom, formValues, loadForPage, requireIdParam } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { getClient, updateClient } from '~/services/clients.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.client.companyName}` : 'Edit client' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  return { client: await loadForPage(getClient({ caller, id: requireIdParam(params) })) };
}

type ActionResult = { errors: FormErrors; values: Record<string, string | undefined> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const id = requireIdParam(params);
  const values = formValues(await request.formData());
  const parsed = ClientUpdateSchema.safeParse(clientInputFrom(values));
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error), values }, { status: 400 });
  try {
    await loadForPage(updateClient({ caller, id, input: parsed.data }));
    return redirect(`/staff/clients/${id}?done=updated`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return data<ActionResult>({ errors: formErrorsFrom(error), values }, { status: 400 });
  }
}

export default function EditClient() {
  const { client } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <Link to={`/staff/clients/${client.id}`} className="mb-4 inline-flex text-sm font-medium text-slate-500 hover:text-slate-900">
        ← {client.companyName}
      </Link>
      <PageHeader title={`Edit ${client.companyName}`} />
      <ClientForm client={client} values={result?.values} errors={result?.errors} cancelTo={`/staff/clients/${client.id}`} />
    </>
  );
}
