import type { World } from './world';

// Run reports as the Monoliet node sends them, generated deterministically.

export type Report = { executionId: string; workflowId: string; workflowName: string; status: string; mode: string; startedAt: string; stoppedAt: string | null; durationMs?: number; itemCount: number };

export function createRandom(seed = 7) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const DAY_MS = 86_400_000;

function buildReport({ world, index, random, now }: { world: World; index: number; random: () => number; now: number }): Report {
  const workflow = world.workflows[Math.floor(random() * world.workflows.length)]!;
  const startedAt = now - Math.floor(random() * 30 * DAY_MS);
  const roll = random();
  const status = roll < 0.1 ? 'running' : roll < 0.2 ? 'error' : 'success';
  const durationMs = status === 'running' ? null : 200 + Math.floor(random() * 5000);
  return {
    executionId: String(index),
    workflowId: workflow.n8nId,
    workflowName: `Workflow ${workflow.n8nId}`,
    status,
    mode: 'trigger',
    startedAt: new Date(startedAt).toISOString(),
    stoppedAt: durationMs === null ? null : new Date(startedAt + durationMs).toISOString(),
    ...(durationMs === null ? {} : { durationMs }),
    itemCount: 1 + Math.floor(random() * 20),
  };
}

/**
 * `runs` reports in batches of `batchSize`, where `duplicateShare` of each batch (after the first) repeats an
 * execution already sent: half of them as the same report again (a retried delivery), half finishing a run
 * that was reported running (or re-reporting a finished one). Returns the JSON bodies.
 */
export function buildBatches({ world, runs, batchSize, duplicateShare, firstId }: { world: World; runs: number; batchSize: number; duplicateShare: number; firstId: number }): { bodies: string[]; unique: number } {
  const random = createRandom();
  const now = Date.now();
  const sent: Report[] = [];
  const bodies: string[] = [];
  let nextId = firstId;
  for (let start = 0; start < runs; start += batchSize) {
    const size = Math.min(batchSize, runs - start);
    const duplicates = sent.length === 0 ? 0 : Math.round(size * duplicateShare);
    const picked = new Set<number>();
    while (picked.size < duplicates) picked.add(Math.floor(random() * sent.length));
    const batch = [...picked].map((i) => repeat(sent[i]!, random));
    const fresh = Array.from({ length: size - duplicates }, () => buildReport({ world, index: nextId++, random, now }));
    sent.push(...fresh);
    bodies.push(JSON.stringify({ instance: world.instance.identity, runs: [...fresh, ...batch] }));
  }
  return { bodies, unique: sent.length };
}

function repeat(report: Report, random: () => number): Report {
  if (report.status !== 'running' || random() < 0.5) return report;
  const durationMs = 1000 + Math.floor(random() * 5000);
  return { ...report, status: 'success', durationMs, stoppedAt: new Date(Date.parse(report.startedAt) + durationMs).toISOString() };
}

/** One single-run body per push (what the Report operation sends), every execution new. */
export function buildSinglePushes({ world, count, firstId }: { world: World; count: number; firstId: number }): string[] {
  const random = createRandom(11);
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => JSON.stringify({ instance: world.instance.identity, ...buildReport({ world, index: firstId + i, random, now }) }));
}
