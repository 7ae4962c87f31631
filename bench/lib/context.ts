import type { BenchPostgres } from './postgres';

export type Sizes = {
  ingestRuns: number;
  ingestConnections: number;
  singlePushes: number;
  dashboardSmallRuns: number;
  dashboardLargeRuns: number;
  dashboardRequests: number;
  backfillExecutions: number;
  nodeCalls: number;
  /** requests sent before measuring, so the JIT, caches and pools are warm */
  warmUp: number;
  /** rounds of each load measurement; a figure is the median of its rounds */
  rounds: number;
};

// The workloads of docs/PERFORMANCE.md; --smoke runs the same code on tiny sizes (CI keeps it working).
export const FULL: Sizes = {
  ingestRuns: 50_000,
  ingestConnections: 16,
  singlePushes: 5_000,
  dashboardSmallRuns: 20_000,
  dashboardLargeRuns: 2_000_000,
  dashboardRequests: 400,
  backfillExecutions: 100_000,
  nodeCalls: 300,
  warmUp: 20,
  rounds: 7,
};

export const SMOKE: Sizes = {
  ingestRuns: 500,
  ingestConnections: 4,
  singlePushes: 40,
  dashboardSmallRuns: 1_000,
  dashboardLargeRuns: 5_000,
  dashboardRequests: 8,
  backfillExecutions: 500,
  nodeCalls: 10,
  warmUp: 2,
  rounds: 1,
};

export type BenchContext = { pg: BenchPostgres; sizes: Sizes; smoke: boolean; log: (message: string) => void };
