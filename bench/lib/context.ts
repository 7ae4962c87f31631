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
};

export const SMOKE: Sizes = {
  ingestRuns: 1_000,
  ingestConnections: 4,
  singlePushes: 100,
  dashboardSmallRuns: 2_000,
  dashboardLargeRuns: 10_000,
  dashboardRequests: 20,
  backfillExecutions: 1_000,
  nodeCalls: 20,
  warmUp: 3,
};

export type BenchContext = { pg: BenchPostgres; sizes: Sizes; smoke: boolean; log: (message: string) => void };
