import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { Card } from '~/components/ui/card';
import { requireStaff } from '~/lib/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireStaff(request);
  return { name: user.name || user.email, email: user.email };
}

export default function StaffDashboard() {
  const { name, email } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Good to see you, ${name}`} description="Run the agency from here." />
      <Card title="Signed in">
        <p className="text-sm">
          <span className="text-slate-500">Staff account </span>
          <span className="font-medium" data-testid="current-email">{email}</span>
        </p>
      </Card>
    </>
  );
}
