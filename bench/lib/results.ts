import os from 'node:os';

/** One measured target. `ratio` is value / baseline when the target is relative to the in-run baseline. */
export type Entry = {
  benchmark: string;
  name: string;
  unit: string;
  baseline: number | null;
  value: number;
  ratio: number | null;
  target: string;
  met: boolean;
  note?: string;
};

export type BenchmarkOutcome = { entries: Entry[]; errors: string[] };

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

/** value must be at least `min` × baseline (throughput). */
export function atLeastTimes({ benchmark, name, unit, baseline, value, min, note }: { benchmark: string; name: string; unit: string; baseline: number; value: number; min: number; note?: string }): Entry {
  const ratio = value / baseline;
  return { benchmark, name, unit, baseline: round(baseline), value: round(value), ratio: round(ratio, 3), target: `≥ ${min} × baseline`, met: ratio >= min, note };
}

/** value must be at most `max` × baseline (latency, time). */
export function atMostTimes({ benchmark, name, unit, baseline, value, max, note }: { benchmark: string; name: string; unit: string; baseline: number; value: number; max: number; note?: string }): Entry {
  const ratio = value / baseline;
  return { benchmark, name, unit, baseline: round(baseline), value: round(value), ratio: round(ratio, 3), target: `≤ ${max} × baseline`, met: ratio <= max, note };
}

/** An absolute limit (memory, a rerun's time, an added latency); `baseline` is the reference it is measured from. */
export function atMost({ benchmark, name, unit, baseline, value, max, note }: { benchmark: string; name: string; unit: string; baseline: number | null; value: number; max: number; note?: string }): Entry {
  return { benchmark, name, unit, baseline: baseline === null ? null : round(baseline), value: round(value), ratio: null, target: `≤ ${max} ${unit}`, met: value <= max, note };
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => round(l)),
  };
}

export function formatTable(entries: Entry[]): string {
  const rows = [['benchmark', 'measure', 'baseline', 'value', 'ratio', 'target', 'met']];
  for (const e of entries) {
    rows.push([e.benchmark, `${e.name} (${e.unit})`, e.baseline === null ? '-' : String(e.baseline), String(e.value), e.ratio === null ? '-' : String(e.ratio), e.target, e.met ? 'yes' : 'NO']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
