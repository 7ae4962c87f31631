import type { ExecutionReport } from '@monoliet/contract';
import type { RunOutcomes, RunSource } from './ingest.server';

// Group commit for ingest. Concurrent pushes of one instance (16 Report nodes finishing at once, or a
// sender's parallel batches) would each pay a whole transaction and queue on the same rollup rows. Instead,
// while a write is in flight the pushes that arrive wait together, and the next write takes all of them in
// one transaction. A push that arrives when nothing is in flight is written on the event loop's next turn,
// together with the pushes whose requests were read in the same turn: a lone push waits microseconds, and
// pushes arriving together share a write from the start (single pushes 612-703/s → 787-852/s in an
// experiment). Each push is still answered with the outcome of its own runs.
//
// The pushes of an instance go through two lanes, by workflow: a run always takes its workflow's lane.
// Writes in different lanes touch different runs and different (workflow, day) rollup rows, so they run
// side by side instead of one waiting for the other's commit (two writes in one lane would: a batch
// repeats executions the other is writing, and both add to the same rollup rows). They meet only on the
// per-client rollup rows, which each locks for its last few milliseconds (rollups.server.ts).
// A push with runs in both lanes is answered once both parts are written; if one part fails, the push
// fails (the other part stays written, and a retry of the push changes nothing there).
//
// A backfill has one lane: its one writer (the sync) hands over a page at a time, and a page split in two
// paid every per-write statement twice (a page of 250 runs: 39 ms in one write, 2 × 28 ms in two).

/** Lanes per instance and source; more push lanes measured slower on 2 cores (docs/PERFORMANCE.md). */
const LANES: Record<RunSource, number> = { push: 2, backfill: 1 };
/** A write takes waiting pushes up to this many runs (a batch may hold 500). */
const MAX_RUNS_PER_WRITE = 2000;

export type WriteRuns = (args: { instanceId: string; runs: ExecutionReport[]; source: RunSource }) => Promise<RunOutcomes>;

type Waiting = { runs: ExecutionReport[]; resolve: (outcomes: RunOutcomes) => void; reject: (error: unknown) => void };
type Lane = { instanceId: string; source: RunSource; write: WriteRuns; waiting: Waiting[]; writing: boolean };

const lanes = new Map<string, Lane>();

/**
 * Writes `runs` (unique execution ids) together with the other pushes of the same instance and source that
 * are waiting, and resolves with the outcomes of this push's runs.
 */
export function submitRuns({ instanceId, source, runs, write }: { instanceId: string; source: RunSource; runs: ExecutionReport[]; write: WriteRuns }): Promise<RunOutcomes> {
  const parts = new Map<number, ExecutionReport[]>();
  for (const run of runs) {
    const shard = shardOf(run.workflowId, LANES[source]);
    const part = parts.get(shard);
    if (part) part.push(run);
    else parts.set(shard, [run]);
  }
  const written = [...parts].map(([shard, part]) => submitToLane({ key: `${instanceId}|${source}|${shard}`, instanceId, source, runs: part, write }));
  return written.length === 1 ? written[0]! : Promise.all(written).then((outcomes) => outcomesOf(runs, outcomes));
}

/**
 * The outcomes of `runs`, from their lanes' writes. Each write answers every run of its group (up to
 * MAX_RUNS_PER_WRITE), so only this push's runs are looked up, rather than the groups' answers copied.
 */
function outcomesOf(runs: ExecutionReport[], written: RunOutcomes[]): RunOutcomes {
  const outcomes: RunOutcomes = new Map();
  for (const run of runs) {
    for (const lane of written) {
      const outcome = lane.get(run.executionId);
      if (outcome === undefined) continue;
      outcomes.set(run.executionId, outcome);
      break;
    }
  }
  return outcomes;
}

/** The lane of a workflow's runs (its n8n id hashed), of `lanes`. */
export function shardOf(workflowId: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < workflowId.length; i++) hash = (hash * 31 + workflowId.charCodeAt(i)) | 0;
  return (hash >>> 0) % lanes;
}

function submitToLane({ key, instanceId, source, runs, write }: { key: string; instanceId: string; source: RunSource; runs: ExecutionReport[]; write: WriteRuns }): Promise<RunOutcomes> {
  let lane = lanes.get(key);
  if (!lane) {
    lane = { instanceId, source, write, waiting: [], writing: false };
    lanes.set(key, lane);
  }
  const promise = new Promise<RunOutcomes>((resolve, reject) => lane.waiting.push({ runs, resolve, reject }));
  pump(key, lane);
  return promise;
}

function pump(key: string, lane: Lane) {
  if (lane.writing || lane.waiting.length === 0) return;
  lane.writing = true;
  // the group is taken on the next turn: the pushes read in this one join it
  setImmediate(() => {
    const group = takeGroup(lane);
    void writeGroup(lane, group).finally(() => {
      lane.writing = false;
      if (lane.waiting.length === 0) lanes.delete(key);
      else pump(key, lane);
    });
  });
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
