import type { ExecutionStats } from '@monoliet/contract';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import { formatNumber, formatShortDay } from '~/lib/format';

type Point = ExecutionStats['series'][number];
type ChartPoint = Point & { other: number };

const COLORS = { success: '#10b981', error: '#f43f5e', other: '#cbd5e1' };

/**
 * Daily runs, successful and failed stacked (plus canceled or unfinished runs, in grey, when there are
 * any). Recharts draws in the browser; the box has a fixed height on the server too, so nothing moves
 * when it hydrates, and a table of the same numbers serves screen readers and pages without JavaScript.
 */
export function RunsChart({ series, height = 288 }: { series: Point[]; height?: number }) {
  const data: ChartPoint[] = series.map((point) => ({ ...point, other: point.total - point.success - point.error }));
  const hasOther = data.some((point) => point.other > 0);
  return (
    <figure>
      <Legend hasOther={hasOther} />
      <div className="mt-3 w-full" style={{ height }} aria-hidden="true">
        <BarChart responsive style={{ width: '100%', height: '100%' }} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -12 }} barCategoryGap={series.length > 60 ? 1 : '20%'}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={formatShortDay} tickLine={false} axisLine={false} minTickGap={24} tick={{ fontSize: 12, fill: '#64748b' }} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={48} tick={{ fontSize: 12, fill: '#64748b' }} tickFormatter={(v: number) => formatNumber(v)} />
          <Tooltip content={ChartTooltip} cursor={{ fill: '#f1f5f9' }} isAnimationActive={false} />
          <Bar dataKey="success" name="Successful" stackId="runs" fill={COLORS.success} isAnimationActive={false} />
          <Bar dataKey="error" name="Failed" stackId="runs" fill={COLORS.error} isAnimationActive={false} />
          {hasOther ? <Bar dataKey="other" name="Other" stackId="runs" fill={COLORS.other} isAnimationActive={false} /> : null}
        </BarChart>
      </div>
      <table className="sr-only">
        <caption>Runs per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Successful</th>
            <th scope="col">Failed</th>
            <th scope="col">All runs</th>
          </tr>
        </thead>
        <tbody>
          {series.map((point) => (
            <tr key={point.day}>
              <th scope="row">{formatShortDay(point.day)}</th>
              <td>{point.success}</td>
              <td>{point.error}</td>
              <td>{point.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Legend({ hasOther }: { hasOther: boolean }) {
  const items = [
    { label: 'Successful', color: COLORS.success },
    { label: 'Failed', color: COLORS.error },
    ...(hasOther ? [{ label: 'Canceled or unfinished', color: COLORS.other }] : []),
  ];
  return (
    <div className="flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
      {items.map((item) => (
        <span key={item.label} className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: item.color }} />
          {item.label}
        </span>
      ))}
    </div>
  );
}

function ChartTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-semibold text-slate-900">{formatShortDay(point.day)}</p>
      <p className="mt-1 text-slate-600">
        <span className="font-medium text-emerald-700">{formatNumber(point.success)}</span> successful ·{' '}
        <span className="font-medium text-rose-700">{formatNumber(point.error)}</span> failed
      </p>
      {point.other > 0 ? <p className="text-slate-500">{formatNumber(point.other)} canceled or unfinished</p> : null}
    </div>
  );
}
