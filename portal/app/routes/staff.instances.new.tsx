import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { InstanceForm } from '~/components/staff/instance-form';
import { Card } from '~/components/ui/card';
import { formErrorsFrom, formValues } from '~/lib/client-page.server';
import { parseInstanceCreate } from '~/lib/instance-form';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { createInstance } from '~/services/n8n-instances.server';

export const meta: MetaFunction = () => [{ title: 'Add an n8n instance · Staff' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaffCaller({ request, context });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const values = formValues(await request.formData());
  // the key is never sent back to the browser, not even to refill the form
  const { apiKey: _key, ...safeValues } = values;
  const parsed = parseInstanceCreate(values);
  if (!parsed.input) return { errors: parsed.errors, values: safeValues };
  try {
    const instance = await createInstance({ caller, input: parsed.input });
    return redirect(`/staff/instances/${instance.id}?done=created`);
  } catch (error) {
    return { errors: formErrorsFrom(error), values: safeValues };
  }
}

export default function NewInstance() {
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add an n8n instance" description={<Link to="/staff/instances" className="hover:underline">← All n8n instances</Link>} />
      <Card className="max-w-xl">
        <InstanceForm errors={result?.errors} values={result?.values} />
      </Card>
    </>
  );
}
