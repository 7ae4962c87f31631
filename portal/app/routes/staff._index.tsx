import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { FailingWorkflowsCard, InstancesCard, OpenTicketsCard, RunsCard } from '~/components/staff/dashboard-ops';
import { MrrKpi, MrrTrendCard, OutstandingKpis } from '~/components/staff/dashboard-money';
import { KpiCard } from '~/components/staff/kpi-card';
import { buttonClass } from '~/components/ui/button';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { getStaffDashboard, RUN_WINDOWS, type RunWindow } from '~/services/staff-dashboard.server';

export const meta: MetaFunction = () => [{ title: 'Staff dashboard' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { current, caller } = await requireStaffCaller({ request, context });
  const asked = Number(new URL(request.url).searchParams.get('runs'));
  const runDays: RunWindow = RUN_WINDOWS.find((days) => days === asked) ?? 30;
  const dashboard = await getStaffDashboard({ caller, runDays });
  return { email: current.user.email, ...dashboard };
}

export default function StaffDashboard() {
  const { email, mrr, outstanding, openTickets, failing, runs, instances } = useLoaderData<typeof loader>();
  const openTotal = Object.values(openTickets).reduce((sum, n) => sum + n, 0);
  const mainCurrency = mrr.current[0]?.currency ?? 'EUR';
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            How the agency is doing today. Signed in as <span data-testid="current-email">{email}</span>.
          </>
        }
        actions={
          <>
            <Link to="/staff/invoices/new" className={buttonClass({ variant: 'secondary' })}>
              New invoice
            </Link>
            <Link to="/staff/clients/new" className={buttonClass()}>
              New client
            </Link>
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <MrrKpi current={mrr.current} activeClients={mrr.activeClients} />
        <OutstandingKpis totals={outstanding} />
        <KpiCard label="Open tickets" testId="open-tickets-total" value={openTotal} figure={openTotal} detail={`${openTickets.urgent} urgent, ${openTickets.high} high`} to="/staff/tickets" tone={openTickets.urgent > 0 ? 'warning' : 'default'} />
        <KpiCard label="Failing workflows" testId="failing-total" value={failing.total} figure={failing.total} detail="open alerts" tone={failing.total > 0 ? 'warning' : 'good'} />
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <MrrTrendCard trend={mrr.trend} currency={mainCurrency} />
          <RunsCard runs={runs} />
        </div>
        <div className="space-y-6">
          <FailingWorkflowsCard rows={failing.rows} total={failing.total} />
          <OpenTicketsCard counts={openTickets} />
          <InstancesCard instances={instances} />
        </div>
      </div>
    </>
  );
}
