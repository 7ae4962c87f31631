/** A tiny bar chart of daily runs (failed part in red), drawn as plain SVG so it renders on the server as is. */
export function Sparkline({ points, label, width = 120, height = 28 }: { points: { total: number; error: number }[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...points.map((p) => p.total));
  const slot = width / Math.max(1, points.length);
  const bar = Math.max(1, slot - 1);
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block">
      {points.map((point, i) => {
        const total = point.total === 0 ? 1 : Math.max(2, (point.total / max) * height);
        const failed = point.error === 0 ? 0 : Math.max(1.5, (point.error / max) * height);
        const x = i * slot;
        return (
          <g key={i}>
            <rect x={x} y={height - total} width={bar} height={total} rx={0.5} className={point.total === 0 ? 'fill-slate-200' : 'fill-emerald-400'} />
            {failed > 0 ? <rect x={x} y={height - total} width={bar} height={Math.min(failed, total)} rx={0.5} className="fill-rose-500" /> : null}
          </g>
        );
      })}
    </svg>
  );
}
