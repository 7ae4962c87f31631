import { z } from 'zod';
import { defineRoute, IdParamsSchema } from './api';
import { ingestBodyCheck } from './ingest-check';
import { pageOf, PageQuerySchema } from './pagination';

export const EXECUTION_STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'] as const;
export const ExecutionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;

const isoDateTime = z.iso.datetime({ offset: true });
/** Text PostgreSQL can store: a NUL character is refused here, with its field, rather than by the database. */
const text = () => z.string().regex(/^[^\u0000]*$/, 'must not contain NUL characters');
const EXECUTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_INT = 2_147_483_647;
/** The lengths of the report's text fields (min 1: may not be empty), for the schemas and ingest-check.ts. */
const LENGTHS = {
  instance: { min: 1, max: 500 },
  workflowId: { min: 1, max: 64 },
  workflowName: { min: 0, max: 500 },
  mode: { min: 1, max: 32 },
  errorMessage: { min: 0, max: 10_000 },
  errorNode: { min: 0, max: 500 },
  retryOf: { min: 0, max: 64 },
} as const;
const textOf = (field: keyof typeof LENGTHS) => text().min(LENGTHS[field].min).max(LENGTHS[field].max);

/** One n8n execution as the Monoliet node (push) or the reconcile (backfill) reports it. */
export const ExecutionReportSchema = z.object({
  executionId: z.string().regex(EXECUTION_ID, 'must be an n8n execution id'),
  workflowId: textOf('workflowId'),
  workflowName: textOf('workflowName').optional(),
  status: ExecutionStatusSchema,
  mode: textOf('mode').optional(),
  startedAt: isoDateTime,
  stoppedAt: isoDateTime.nullable().optional(),
  durationMs: z.int().min(0).max(MAX_INT).optional(),
  errorMessage: textOf('errorMessage').optional(),
  errorNode: textOf('errorNode').optional(),
  retryOf: textOf('retryOf').nullable().optional(),
  itemCount: z.int().min(0).max(MAX_INT).optional(),
});
export type ExecutionReport = z.infer<typeof ExecutionReportSchema>;

export const MAX_BATCH_SIZE = 500;

/**
 * POST /api/v1/executions: one report, or a batch of up to MAX_BATCH_SIZE, with the identity of the n8n
 * instance they come from (default: its base URL; the portal keys runs by instance + execution id).
 */
export const ExecutionBatchSchema = z.object({
  instance: textOf('instance'),
  runs: z.array(ExecutionReportSchema).min(1).max(MAX_BATCH_SIZE),
});
export type ExecutionBatch = z.infer<typeof ExecutionBatchSchema>;

export const SingleExecutionSchema = ExecutionReportSchema.extend({ instance: textOf('instance') });
export type SingleExecution = z.infer<typeof SingleExecutionSchema>;

/** The ingest body's fast path (ingest-check.ts), with the rules of the schemas above. */
export const checkIngestBody = ingestBodyCheck({
  statuses: EXECUTION_STATUSES,
  executionId: EXECUTION_ID,
  // the very pattern zod tests (set for every string format)
  dateTime: isoDateTime._zod.def.pattern!,
  maxBatch: MAX_BATCH_SIZE,
  maxInt: MAX_INT,
  ...LENGTHS,
});

export const IngestResultSchema = z.object({
  accepted: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;

/**
 * The body of POST /api/v1/executions: a batch when it has `runs`, else one report. Parsed by shape
 * rather than as a plain union, so a bad field is reported at its own path ("runs.3.startedAt") instead
 * of as one "Invalid input" for the whole body.
 */
export const IngestBodySchema = z
  .unknown()
  .transform((value, ctx): ExecutionBatch | SingleExecution => {
    // nearly every body is valid: a plain check first, zod (and its issues) only when that does not pass
    const checked = checkIngestBody(value) as ExecutionBatch | SingleExecution | undefined;
    if (checked) return checked;
    const schema = typeof value === 'object' && value !== null && 'runs' in value ? ExecutionBatchSchema : SingleExecutionSchema;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: undefined });
    return z.NEVER;
  })
  .meta({ oneOf: [jsonSchemaOf(ExecutionBatchSchema), jsonSchemaOf(SingleExecutionSchema)] });
export type IngestBody = z.output<typeof IngestBodySchema>;

function jsonSchemaOf(schema: z.ZodType) {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input' });
  return json;
}

/** One stored run, as the API lists it. */
export const ExecutionRunSchema = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  n8nExecutionId: z.string(),
  workflow: z.object({ id: z.uuid(), name: z.string(), n8nWorkflowId: z.string() }),
  clientId: z.uuid().nullable(),
  status: ExecutionStatusSchema,
  mode: z.string(),
  startedAt: isoDateTime,
  stoppedAt: isoDateTime.nullable(),
  durationMs: z.int().nullable(),
  errorMessage: z.string().nullable(),
  errorNode: z.string().nullable(),
  retryOf: z.string().nullable(),
  itemCount: z.int().nullable(),
  /** `push` from the Monoliet node, `backfill` once n8n's own API confirmed it */
  source: z.enum(['push', 'backfill']),
});
export type ExecutionRunDto = z.infer<typeof ExecutionRunSchema>;

const pointInTime = z.union([isoDateTime, z.iso.date()], { error: 'must be a date (YYYY-MM-DD) or an ISO date-time with offset' });

export const ExecutionListQuerySchema = PageQuerySchema.extend({
  client: z.uuid().optional(),
  workflow: z.uuid().optional(),
  /** one status or several, comma-separated: `status=error,crashed` */
  status: z
    .string()
    .transform((value) => [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(ExecutionStatusSchema).min(1, 'name at least one status'))
    .optional(),
  /** runs started at or after this (a date means 00:00 UTC) */
  since: pointInTime.optional(),
  /** runs started before this (exclusive; a date means 00:00 UTC of that day) */
  until: pointInTime.optional(),
  mode: text().trim().min(1).max(32).optional(),
  order: z.enum(['-startedAt', 'startedAt']).default('-startedAt'),
});
export type ExecutionListQuery = z.infer<typeof ExecutionListQuerySchema>;

export const MAX_STATS_DAYS = 366;

export const ExecutionStatsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(MAX_STATS_DAYS).default(30),
  /** the last day of the period, included (UTC); default today */
  until: z.iso.date().optional(),
  client: z.uuid().optional(),
  workflow: z.uuid().optional(),
});
export type ExecutionStatsQuery = z.infer<typeof ExecutionStatsQuerySchema>;

/** Rollup figures of a period: a workflow's last 30 days, the stats, one day of the series. */
export const RunFiguresSchema = z.object({
  total: z.int(),
  success: z.int(),
  /** error and crashed runs */
  error: z.int(),
  /** success / (success + error); null when nothing finished */
  successRate: z.number().nullable(),
  /** mean duration over the counted runs; null without runs */
  avgDurationMs: z.number().nullable(),
  /** minutes_saved_per_run × successful runs */
  minutesSaved: z.number(),
});
export type RunFigures = z.infer<typeof RunFiguresSchema>;

export const ExecutionStatsSchema = RunFiguresSchema.extend({
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.int(),
  /** one entry per day from `from` to `to`, days without runs included as zeros */
  series: z.array(z.object({ day: z.iso.date(), total: z.int(), success: z.int(), error: z.int(), minutesSaved: z.number() })),
});
export type ExecutionStats = z.infer<typeof ExecutionStatsSchema>;

export const executionRoutes = {
  list: defineRoute({ id: 'listExecutions', method: 'GET', path: '/executions', summary: 'List runs, newest first (a client user sees only its own)', tag: 'Executions', access: 'user', scope: 'read', query: ExecutionListQuerySchema, response: pageOf(ExecutionRunSchema), status: 200 }),
  ingest: defineRoute({ id: 'ingestExecutions', method: 'POST', path: '/executions', summary: 'Report one run or a batch of up to 500 (idempotent on instance + execution id)', tag: 'Executions', access: 'staff', scope: 'ingest', body: IngestBodySchema, response: IngestResultSchema, status: 201 }),
  stats: defineRoute({ id: 'getExecutionStats', method: 'GET', path: '/executions/stats', summary: 'Totals, success rate, time saved and a per-day series, from the daily rollups', tag: 'Executions', access: 'user', scope: 'read', query: ExecutionStatsQuerySchema, response: ExecutionStatsSchema, status: 200 }),
  get: defineRoute({ id: 'getExecution', method: 'GET', path: '/executions/{id}', summary: 'Get one run', tag: 'Executions', access: 'user', scope: 'read', params: IdParamsSchema, response: ExecutionRunSchema, status: 200, resource: 'execution' }),
};
