import type { ExecutionReport } from '@monoliet/contract';
import type { RunOutcomes, RunSource } from './ingest.server';

// Group commit for ingest. Concurrent pushes of one instance (16 Report nodes finishing at once, or a
// sender's parallel batches) would each pay a whole transaction and queue on the same rollup rows. Instead,
// while a write is in flight the pushes that arrive wait together, and the next write takes all of them in
// one transaction. A push that arrives when nothing is in flight is written at once, so a lone push waits
// for nothing. Each push is still answered with the outcome of its own runs.

/** Writes in flight per instance: the next one can build its upsert while the previous one commits. */
const MAX_IN_FLIGHT = 2;
/** A write takes waiting pushes up to this many runs (a batch may hold 500). */
const MAX_RUNS_PER_WRITE = 2000;

export type WriteRuns = (args: { instanceId: string; runs: ExecutionReport[]; source: RunSource }) => Promise<RunOutcomes>;

type Waiting = { runs: ExecutionReport[]; resolve: (outcomes: RunOutcomes) => void; reject: (error: unknown) => void };
type Lane = { instanceId: string; source: RunSource; write: WriteRuns; waiting: Waiting[]; inFlight: number };

const lanes = new Map<string, Lane>();

/**
 * Writes `runs` (unique execution ids) together with the other pushes of the same instance and source that
 * are waiting, and resolves with the outcomes of this push's runs.
 */
export function submitRuns({ instanceId, source, runs, write }: { instanceId: string; source: RunSource; runs: ExecutionReport[]; write: WriteRuns }): Promise<RunOutcomes> {
  const key = `${instanceId}|${source}`;
  let lane = lanes.get(key);
  if (!lane) {
    lane = { instanceId, source, write, waiting: [], inFlight: 0 };
    lanes.set(key, lane);
  }
  const promise = new Promise<RunOutcomes>((resolve, reject) => lane.waiting.push({ runs, resolve, reject }));
  pump(key, lane);
  return promise;
}

function pump(key: string, lane: Lane) {
  while (lane.inFlight < MAX_IN_FLIGHT && lane.waiting.length > 0) {
    const group = takeGroup(lane);
    lane.inFlight++;
    void writeGroup(lane, group).finally(() => {
      lane.inFlight--;
      if (lane.inFlight === 0 && lane.waiting.length === 0) lanes.delete(key);
      else pump(key, lane);
    });
  }
}

/**
 * The waiting pushes of the next write, oldest first, up to the run limit. A push that reports an
 * execution already in the group waits for the next write, so that each execution's outcome belongs to
 * exactly one push.
 */
function takeGroup(lane: Lane): Waiting[] {
  const group: Waiting[] = [];
  const ids = new Set<string>();
  let size = 0;
  const left: Waiting[] = [];
  for (const push of lane.waiting) {
    const fits = group.length === 0 || size + push.runs.length <= MAX_RUNS_PER_WRITE;
    if (fits && !push.runs.some((run) => ids.has(run.executionId))) {
      group.push(push);
      size += push.runs.length;
      for (const run of push.runs) ids.add(run.executionId);
    } else {
      left.push(push);
    }
  }
  lane.waiting = left;
  return group;
}

async function writeGroup(lane: Lane, group: Waiting[]) {
  const { instanceId, source, write } = lane;
  try {
    const outcomes = await write({ instanceId, source, runs: group.flatMap((push) => push.runs) });
    for (const push of group) push.resolve(outcomes);
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    // one push's problem must not fail the others: write each alone, and each gets its own answer
    await Promise.all(
      group.map((push) =>
        write({ instanceId, source, runs: push.runs }).then(push.resolve, push.reject),
      ),
    );
  }
}
