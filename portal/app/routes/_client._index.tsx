import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData, useNavigation } from '@remix-run/react';
import { PageHeader } from '~/components/app-shell';
import { AttentionCard, InvoiceCard, TicketsCard } from '~/components/dashboard-cards';
import { AlertIcon, BoltIcon, CheckCircleIcon, ClockIcon } from '~/components/icons';
import { RunsChart } from '~/components/runs-chart';
import { Card } from '~/components/ui/card';
import { SegmentedLinks } from '~/components/ui/segmented-links';
import { StatCard } from '~/components/ui/stat-card';
import { requireClientCaller } from '~/lib/client-page.server';
import { describeCountChange, describeRateChange } from '~/lib/change';
import { describeWorkingDays, formatHours, formatNumber, formatPercent } from '~/lib/format';
import { CHART_RANGES, type ChartRange } from '~/lib/periods';
import { getDashboard } from '~/services/dashboard.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { current, caller } = await requireClientCaller({ request, context });
  const requested = Number(new URL(request.url).searchParams.get('range'));
  const range: ChartRange = CHART_RANGES.find((r) => r === requested) ?? 30;
  const dashboard = await getDashboard({ caller, range });
  return {
    firstName: (current.user.name || current.user.email).split(' ')[0],
    companyName: current.client.companyName,
    range,
    kpis: { current: dashboard.current, previous: dashboard.previous },
    chart: dashboard.chart.series,
    attention: dashboard.attention,
  };
}

export default function ClientDashboard() {
  const { firstName, companyName, range, kpis, chart, attention } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const switching = navigation.state === 'loading' && navigation.location.pathname === '/';
  const { current, previous } = kpis;
  return (
    <>
      <PageHeader
        title={`Welcome back, ${firstName}`}
        description={
          <>
            How the automations of <span data-testid="current-client">{companyName}</span> did over the last 30 days.
          </>
        }
      />
      <section aria-label="Last 30 days" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          featured
          label="Hours saved"
          icon={<ClockIcon />}
          value={formatHours(current.minutesSaved)}
          rawValue={current.minutesSaved}
          detail={describeWorkingDays(current.minutesSaved)}
          testId="kpi-hours-saved"
          change={describeCountChange({ current: current.minutesSaved, previous: previous.minutesSaved, higherIsBetter: true })}
          hint="Work your team did not have to do by hand"
        />
        <StatCard
          label="Automation runs"
          icon={<BoltIcon />}
          value={formatNumber(current.total)}
          rawValue={current.total}
          testId="kpi-runs"
          change={describeCountChange({ current: current.total, previous: previous.total, higherIsBetter: true })}
        />
        <StatCard
          label="Success rate"
          icon={<CheckCircleIcon />}
          value={formatPercent(current.successRate)}
          rawValue={current.successRate}
          testId="kpi-success-rate"
          change={describeRateChange({ current: current.successRate, previous: previous.successRate })}
          hint="No finished runs yet"
        />
        <StatCard
          label="Failed runs"
          icon={<AlertIcon />}
          value={formatNumber(current.error)}
          rawValue={current.error}
          testId="kpi-failures"
          change={describeCountChange({ current: current.error, previous: previous.error, higherIsBetter: false })}
          hint="Nothing failed"
        />
      </section>

      <Card
        className="mt-6"
        title="Runs per day"
        action={
          <SegmentedLinks
            label="Chart period"
            options={CHART_RANGES.map((days) => ({ to: `?range=${days}`, label: `${days} days`, active: days === range }))}
          />
        }
      >
        <div className={`transition-opacity ${switching ? 'opacity-50' : ''}`} data-testid="runs-chart">
          <RunsChart series={chart} />
        </div>
      </Card>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <AttentionCard className="lg:col-span-2" alerts={attention.alerts} failures={attention.failures} />
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <TicketsCard tickets={attention.tickets} />
          <InvoiceCard invoice={attention.nextInvoice} />
        </div>
      </div>
    </>
  );
}
