import { z } from 'zod';

export const EXECUTION_STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'] as const;
export const ExecutionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/** One n8n execution as the Monoliet node (push) or the reconcile (backfill) reports it. */
export const ExecutionReportSchema = z.object({
  executionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an n8n execution id'),
  workflowId: z.string().min(1).max(64),
  workflowName: z.string().max(500).optional(),
  status: ExecutionStatusSchema,
  mode: z.string().min(1).max(32).optional(),
  startedAt: isoDateTime,
  stoppedAt: isoDateTime.nullable().optional(),
  durationMs: z.int().min(0).max(2_147_483_647).optional(),
  errorMessage: z.string().max(10_000).optional(),
  errorNode: z.string().max(500).optional(),
  retryOf: z.string().max(64).nullable().optional(),
  itemCount: z.int().min(0).max(2_147_483_647).optional(),
});
export type ExecutionReport = z.infer<typeof ExecutionReportSchema>;

export const MAX_BATCH_SIZE = 500;

/**
 * POST /api/v1/executions: one report, or a batch of up to MAX_BATCH_SIZE, with the identity of the n8n
 * instance they come from (default: its base URL; the portal keys runs by instance + execution id).
 */
export const ExecutionBatchSchema = z.object({
  instance: z.string().min(1).max(500),
  runs: z.array(ExecutionReportSchema).min(1).max(MAX_BATCH_SIZE),
});
export type ExecutionBatch = z.infer<typeof ExecutionBatchSchema>;

export const SingleExecutionSchema = ExecutionReportSchema.extend({ instance: z.string().min(1).max(500) });
export type SingleExecution = z.infer<typeof SingleExecutionSchema>;

export const IngestResultSchema = z.object({
  accepted: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;
