import { compactNumber, labelIndexes, niceCeiling } from './scale';

export type BarSeries = { key: string; label: string; color: string };
export type BarPoint = { key: string; label: string; values: Record<string, number> };

const SLOT = 10;

/**
 * Stacked columns drawn as plain SVG on the server: no chart library, visible without JavaScript and in
 * screenshots. Hovering a column shows its numbers (an SVG title); a hidden table gives screen readers the same.
 */
export function BarChart({
  points,
  series,
  caption,
  height = 180,
  wantedLabels = 8,
  formatValue = (value) => String(value),
  formatAxis = compactNumber,
  testId,
}: {
  points: BarPoint[];
  series: BarSeries[];
  caption: string;
  height?: number;
  wantedLabels?: number;
  /** exact values, in the hover titles and the table */
  formatValue?: (value: number) => string;
  formatAxis?: (value: number) => string;
  testId?: string;
}) {
  const totals = points.map((point) => series.reduce((sum, s) => sum + (point.values[s.key] ?? 0), 0));
  const top = niceCeiling(Math.max(0, ...totals));
  const shown = labelIndexes({ count: points.length, wanted: wantedLabels });
  const scale = (value: number) => (value / top) * 100;
  return (
    <figure data-testid={testId}>
      {series.length > 1 ? <Legend series={series} /> : null}
      <div className="mt-3 flex gap-2">
        <div className="flex w-14 shrink-0 flex-col justify-between text-right text-[11px] tabular-nums text-slate-400" style={{ height }} aria-hidden="true">
          <span className="-mt-1.5">{formatAxis(top)}</span>
          <span>{formatAxis(top / 2)}</span>
          <span className="-mb-1.5">0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg viewBox={`0 0 ${points.length * SLOT} 100`} preserveAspectRatio="none" className="block w-full overflow-visible" style={{ height }} aria-hidden="true">
            {[0, 50, 100].map((y) => (
              <line key={y} x1={0} x2={points.length * SLOT} y1={y} y2={y} stroke="#e2e8f0" strokeWidth={1} vectorEffect="non-scaling-stroke" />
            ))}
            {points.map((point, index) => (
              <Column key={point.key} point={point} series={series} x={index * SLOT} scale={scale} formatValue={formatValue} />
            ))}
          </svg>
          <div className="mt-1.5 grid text-[11px] text-slate-500" style={{ gridTemplateColumns: `repeat(${points.length}, minmax(0, 1fr))` }} aria-hidden="true">
            {points.map((point, index) => (
              <span key={point.key} className="overflow-visible whitespace-nowrap text-center">
                {shown.has(index) ? point.label : ''}
              </span>
            ))}
          </div>
        </div>
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.key}>
              <th scope="row">{point.label}</th>
              {series.map((s) => (
                <td key={s.key}>{formatValue(point.values[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Column({ point, series, x, scale, formatValue }: { point: BarPoint; series: BarSeries[]; x: number; scale: (v: number) => number; formatValue: (v: number) => string }) {
  let bottom = 100;
  const title = `${point.label}: ${series.map((s) => `${formatValue(point.values[s.key] ?? 0)}${series.length > 1 ? ` ${s.label.toLowerCase()}` : ''}`).join(', ')}`;
  return (
    <g>
      <title>{title}</title>
      {/* the full-height hit area makes the title show anywhere above the column */}
      <rect x={x} y={0} width={SLOT} height={100} fill="transparent" />
      {series.map((s) => {
        const h = scale(point.values[s.key] ?? 0);
        bottom -= h;
        return h > 0 ? <rect key={s.key} x={x + SLOT * 0.15} y={bottom} width={SLOT * 0.7} height={h} style={{ fill: s.color }} /> : null;
      })}
    </g>
  );
}

function Legend({ series }: { series: BarSeries[] }) {
  return (
    <div className="flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
      {series.map((s) => (
        <span key={s.key} className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: s.color }} />
          {s.label}
        </span>
      ))}
    </div>
  );
}
