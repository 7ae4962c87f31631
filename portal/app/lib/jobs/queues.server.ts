import { JOB_QUEUES, SYNC_RUN_TRIGGERS, type JobQueue } from '@monoliet/contract';
import { z } from 'zod';

// Every pg-boss queue of the portal: its payload (parsed when a job runs), its policy and its retries.
// Retry delays are in seconds; with backoff pg-boss waits about delay * 2^n (with jitter) before try n+1.
// A job that fails its last try moves to the queue's dead-letter queue, where staff see and retry it.

export type SyncTrigger = (typeof SYNC_RUN_TRIGGERS)[number];

export const JOB_PAYLOADS = {
  email: z.object({ emailId: z.uuid() }),
  webhook: z.object({ deliveryId: z.uuid() }),
  /** without instanceId: the schedule's fan-out to every instance with an API key */
  reconcile: z.object({ instanceId: z.uuid().optional(), trigger: z.enum(SYNC_RUN_TRIGGERS).default('schedule') }),
  'invoice-reminders': z.object({}),
  'workflow-health': z.object({}),
  /** error alerts of one workflow, evaluated shortly after its runs change */
  'workflow-alerts': z.object({ workflowId: z.uuid() }),
  /** the throttled digest of an open error alert */
  'alert-digest': z.object({ alertId: z.uuid() }),
} as const satisfies Record<JobQueue, z.ZodType>;

export type QueueName = JobQueue;
export type JobPayload<Q extends QueueName> = z.input<(typeof JOB_PAYLOADS)[Q]>;
export const QUEUE_NAMES: readonly QueueName[] = JOB_QUEUES;

type QueuePolicy = {
  /** pg-boss policy: `short` keeps one queued job per key, `stately` one queued and one running */
  policy: 'standard' | 'short' | 'stately';
  retryLimit: number;
  retryDelay: number;
  expireInSeconds: number;
};

export const QUEUE_POLICIES: Record<QueueName, QueuePolicy> = {
  email: { policy: 'standard', retryLimit: 6, retryDelay: 30, expireInSeconds: 120 },
  webhook: { policy: 'standard', retryLimit: 8, retryDelay: 30, expireInSeconds: 120 },
  // one queued and one running sync per instance (the singleton key is the instance id)
  reconcile: { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 4 * 3600 },
  'invoice-reminders': { policy: 'stately', retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
  'workflow-health': { policy: 'stately', retryLimit: 1, retryDelay: 60, expireInSeconds: 900 },
  // one queued evaluation per workflow: runs arriving before it starts are all covered by it
  'workflow-alerts': { policy: 'short', retryLimit: 3, retryDelay: 10, expireInSeconds: 300 },
  'alert-digest': { policy: 'short', retryLimit: 3, retryDelay: 30, expireInSeconds: 300 },
};

export function deadLetterQueueOf(queue: QueueName): string {
  return `${queue}-dead-letter`;
}

export function queueOfDeadLetter(name: string): QueueName | undefined {
  const queue = name.replace(/-dead-letter$/, '') as QueueName;
  return name.endsWith('-dead-letter') && queue in JOB_PAYLOADS ? queue : undefined;
}
