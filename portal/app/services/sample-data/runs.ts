import { ERROR_MESSAGES, FALLBACK_ERRORS, type SampleWorkflow } from './catalog';

export type SampleRun = {
  workflowIndex: number;
  status: 'success' | 'error' | 'running';
  mode: string;
  startedAt: Date;
  durationMs: number | null;
  errorMessage: string | null;
  errorNode: string | null;
};

/** A small seeded PRNG (mulberry32), so the demo data is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;

/** Runs of each workflow over the last `days` days up to `now`, sorted by start time. */
export function generateRuns({ workflows, days, now, seed = 42 }: { workflows: SampleWorkflow[]; days: number; now: Date; seed?: number }): SampleRun[] {
  const random = seededRandom(seed);
  const from = now.getTime() - days * 1440 * MINUTE;
  const runs: SampleRun[] = [];
  workflows.forEach((workflow, workflowIndex) => {
    for (const startedAt of startTimes({ workflow, from, to: now.getTime(), random })) {
      runs.push(makeRun({ workflow, workflowIndex, startedAt, now, random }));
    }
  });
  return runs.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

function* startTimes({ workflow, from, to, random }: { workflow: SampleWorkflow; from: number; to: number; random: () => number }) {
  if (workflow.intervalMinutes) {
    const step = workflow.intervalMinutes * MINUTE;
    for (let t = from + Math.floor(random() * step); t < to; t += step) yield t + Math.floor(random() * 20_000);
    return;
  }
  // webhook-driven: busier on weekdays and during office hours
  const perMinute = (workflow.perDay ?? 10) / 1440;
  for (let t = from; t < to; t += MINUTE) {
    const date = new Date(t);
    const weekday = date.getUTCDay() % 6 !== 0 ? 1.25 : 0.4;
    const office = date.getUTCHours() >= 7 && date.getUTCHours() < 19 ? 1.6 : 0.4;
    if (random() < perMinute * weekday * office) yield t + Math.floor(random() * MINUTE);
  }
}

function makeRun({ workflow, workflowIndex, startedAt, now, random }: { workflow: SampleWorkflow; workflowIndex: number; startedAt: number; now: Date; random: () => number }): SampleRun {
  const ageHours = (now.getTime() - startedAt) / 3_600_000;
  const failureRate = workflow.failingNow && ageHours < 3 ? 0.85 : workflow.failureRate;
  const failed = random() < failureRate;
  const durationMs = Math.max(200, Math.round(workflow.avgSeconds * 1000 * (0.5 + random())));
  const mode = workflow.intervalMinutes ? 'trigger' : 'webhook';
  if (startedAt + durationMs > now.getTime()) {
    return { workflowIndex, status: 'running', mode, startedAt: new Date(startedAt), durationMs: null, errorMessage: null, errorNode: null };
  }
  if (!failed) {
    return { workflowIndex, status: 'success', mode: random() < 0.01 ? 'manual' : mode, startedAt: new Date(startedAt), durationMs, errorMessage: null, errorNode: null };
  }
  const node = workflow.nodes[Math.floor(random() * workflow.nodes.length)] ?? 'HTTP Request';
  const messages = ERROR_MESSAGES[node] ?? FALLBACK_ERRORS;
  return {
    workflowIndex,
    status: 'error',
    mode,
    startedAt: new Date(startedAt),
    durationMs: Math.round(durationMs * 0.6),
    errorMessage: messages[Math.floor(random() * messages.length)]!,
    errorNode: node,
  };
}
