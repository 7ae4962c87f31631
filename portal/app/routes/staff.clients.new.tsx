import { ClientCreateSchema } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { ClientForm } from '~/components/staff/client-form';
import { clientInputFrom } from '~/lib/client-form';
import { formErrorsFrom, formValues } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { createClient } from '~/services/clients.server';

export const meta: MetaFunction = () => [{ title: 'New client' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaffCaller({ request, context });
  return null;
}

type ActionResult = { errors: FormErrors; values: Record<string, string | undefined> };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const values = formValues(await request.formData());
  const parsed = ClientCreateSchema.safeParse(clientInputFrom(values));
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error), values }, { status: 400 });
  try {
    const client = await createClient({ caller, input: parsed.data });
    return redirect(`/staff/clients/${client.id}?done=created`);
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error), values }, { status: 400 });
  }
}

export default function NewClient() {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <Link to="/staff/clients" className="mb-4 inline-flex text-sm font-medium text-slate-500 hover:text-slate-900">
        ← All clients
      </Link>
      <PageHeader title="New client" description="The client's portal users are added on the Users page once the client exists." />
      <ClientForm values={result?.values} errors={result?.errors} cancelTo="/staff/clients" />
    </>
  );
}
