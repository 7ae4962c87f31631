import { z } from 'zod';
import { defineRoute, IdParamsSchema, isoDateTime } from './api';
import { pageOf, PageQuerySchema } from './pagination';

/** The portal's job queues (pg-boss); each has a dead-letter queue for jobs that failed their last try. */
export const JOB_QUEUES = ['email', 'webhook', 'reconcile', 'invoice-reminders', 'workflow-health', 'workflow-alerts', 'alert-digest'] as const;
export const JobQueueSchema = z.enum(JOB_QUEUES);
export type JobQueue = z.infer<typeof JobQueueSchema>;

/** A job that failed its last attempt and waits in its queue's dead-letter queue. */
export const DeadJobSchema = z.object({
  id: z.uuid(),
  queue: JobQueueSchema,
  data: z.record(z.string(), z.unknown()),
  error: z.string().nullable(),
  failedAt: isoDateTime,
});
export type DeadJobDto = z.infer<typeof DeadJobSchema>;

export const QueueStatsSchema = z.object({
  queue: JobQueueSchema,
  waiting: z.int(),
  retrying: z.int(),
  active: z.int(),
  failed: z.int(),
  deadLettered: z.int(),
});

export const DeadJobListQuerySchema = PageQuerySchema.extend({ queue: JobQueueSchema.optional() });
export type DeadJobListQuery = z.infer<typeof DeadJobListQuerySchema>;

export const RetriedJobSchema = z.object({ queue: JobQueueSchema, jobId: z.uuid().nullable() });

export const jobRoutes = {
  list: defineRoute({ id: 'listDeadJobs', method: 'GET', path: '/jobs', summary: 'List jobs that failed their last attempt (dead-lettered), newest first', tag: 'Jobs', access: 'staff', scope: 'read', query: DeadJobListQuerySchema, response: pageOf(DeadJobSchema), status: 200 }),
  queues: defineRoute({ id: 'listJobQueues', method: 'GET', path: '/jobs/queues', summary: 'Job counts of every queue', tag: 'Jobs', access: 'staff', scope: 'read', response: z.object({ data: z.array(QueueStatsSchema) }), status: 200 }),
  delete: defineRoute({ id: 'deleteDeadJob', method: 'DELETE', path: '/jobs/{id}', summary: 'Delete a dead-lettered job for good: its work is not done (audited with its payload)', tag: 'Jobs', access: 'staff', scope: 'write', params: IdParamsSchema, response: null, status: 204, resource: 'job' }),
  retry: defineRoute({ id: 'retryDeadJob', method: 'POST', path: '/jobs/{id}/retry', summary: 'Run a dead-lettered job again, with a fresh retry budget', tag: 'Jobs', access: 'staff', scope: 'write', params: IdParamsSchema, response: RetriedJobSchema, status: 202, resource: 'job' }),
};
