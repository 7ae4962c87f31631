import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { Card } from '~/components/ui/card';
import { requireClientUser } from '~/lib/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, client } = await requireClientUser(request);
  return { name: user.name || user.email, email: user.email, companyName: client.companyName };
}

export default function ClientDashboard() {
  const { name, email, companyName } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Welcome, ${name}`} description={`Automations of ${companyName}`} />
      <Card title="Your account">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Signed in as</dt>
            <dd className="font-medium" data-testid="current-email">{email}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Client</dt>
            <dd className="font-medium" data-testid="current-client">{companyName}</dd>
          </div>
        </dl>
      </Card>
    </>
  );
}
