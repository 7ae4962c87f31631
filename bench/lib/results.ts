import os from 'node:os';
import { median } from './load';

/**
 * One measured target. `ratio` is value / baseline when the target is relative to the in-run baseline; for
 * a measurement in paired rounds (pairedRounds), the median of the per-round ratios.
 */
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

/**
 * A measurement in paired rounds: each round measured the baseline and the value back to back, on the same
 * machine state. `baseline` and `value` are each side's median; `ratio` is the median of the rounds' own
 * ratios, so a round where the machine was slower for both sides stays a pair (the median of one side over
 * the median of the other can divide figures of different rounds).
 */
export function pairedRounds({ baselineRounds, valueRounds }: { baselineRounds: number[]; valueRounds: number[] }) {
  if (baselineRounds.length !== valueRounds.length || baselineRounds.length === 0) throw new Error('paired rounds need one baseline per value');
  const perRound = valueRounds.map((value, i) => value / baselineRounds[i]!);
  const baseline = median(baselineRounds);
  const value = median(valueRounds);
  return {
    baseline,
    value,
    ratio: median(perRound),
    note: `ratio per round: ${perRound.map((r) => r.toFixed(2)).join(', ')} (median of ${perRound.length} paired rounds); median value / median baseline: ${(value / baseline).toFixed(3)}`,
  };
}

/** value must be at least `min` × baseline (throughput); `ratio` when it is not value / baseline (pairedRounds). */
export function atLeastTimes({ benchmark, name, unit, baseline, value, min, note, ratio = value / baseline }: { benchmark: string; name: string; unit: string; baseline: number; value: number; min: number; note?: string; ratio?: number }): Entry {
  return { benchmark, name, unit, baseline: round(baseline), value: round(value), ratio: round(ratio, 3), target: `≥ ${min} × baseline`, met: ratio >= min, note };
}

/** value must be at most `max` × baseline (latency, time); `ratio` when it is not value / baseline (pairedRounds). */
export function atMostTimes({ benchmark, name, unit, baseline, value, max, note, ratio = value / baseline }: { benchmark: string; name: string; unit: string; baseline: number; value: number; max: number; note?: string; ratio?: number }): Entry {
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
