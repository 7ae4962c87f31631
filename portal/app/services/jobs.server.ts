import type { DeadJobDto } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import { ApiError } from '~/lib/errors.server';
import { deleteJob, enqueueJob } from '~/lib/jobs/boss.server';
import { deadLetterQueueOf, JOB_PAYLOADS, QUEUE_NAMES, queueOfDeadLetter, type QueueName } from '~/lib/jobs/queues.server';
import { decodeCursor, encodeCursor } from '~/lib/pagination.server';
import { getDb } from '~/models/index.server';
import { recordAudit, type Actor } from './audit.server';

// What staff see on the "Jobs" page: jobs that failed their last attempt (pg-boss moved a copy to the
// queue's dead-letter queue), and the counts of every queue. Read straight from pg-boss's tables.

export type QueueCounts = { queue: QueueName; waiting: number; retrying: number; active: number; failed: number; deadLettered: number };

export async function listDeadJobs({ queue, limit = 50, cursor, only }: { queue?: QueueName; limit?: number; cursor?: string; only?: string }): Promise<{ data: DeadJobDto[]; nextCursor: string | null }> {
  const names = (queue ? [queue] : QUEUE_NAMES).map(deadLetterQueueOf);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await getDb().query<{ id: string; name: string; data: Record<string, unknown> | null; output: { message?: string; value?: { message?: string } } | null; created_on: Date }>(
    `SELECT id, name, data, output, created_on FROM pgboss.job
     WHERE name = ANY($1::text[]) AND state < 'active'
       AND ($2::timestamptz IS NULL OR (created_on, id) < ($2::timestamptz, $3::uuid))
       AND ($5::uuid IS NULL OR id = $5::uuid)
     ORDER BY created_on DESC, id DESC LIMIT $4`,
    { bind: [names, after?.v ?? null, after?.id ?? null, limit + 1, only ?? null], type: QueryTypes.SELECT },
  );
  const data = rows.slice(0, limit).map((row) => ({
    id: row.id,
    queue: queueOfDeadLetter(row.name)!,
    data: row.data ?? {},
    error: row.output?.message ?? row.output?.value?.message ?? null,
    failedAt: row.created_on.toISOString(),
  }));
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor({ value: last.failedAt, id: last.id }) : null };
}

const JOB_ID = /^[0-9a-f-]{36}$/i;

/** One dead-lettered job (what the confirmation before a retry or a delete shows). */
export async function getDeadJob({ id }: { id: string }): Promise<DeadJobDto> {
  const job = JOB_ID.test(id) ? (await listDeadJobs({ limit: 1, only: id })).data[0] : undefined;
  if (!job) throw new ApiError('not_found', 'Job not found');
  return job;
}

/** Removes a dead-lettered job for good (its work is not wanted any more), and audits it with its payload. */
export async function deleteDeadJob({ id, actor }: { id: string; actor: Actor }): Promise<{ queue: QueueName }> {
  if (!JOB_ID.test(id)) throw new ApiError('not_found', 'Job not found');
  return getDb().transaction(async (transaction) => {
    const [row] = await getDb().query<{ name: string; data: unknown; output: unknown }>(
      `SELECT name, data, output FROM pgboss.job WHERE id = $1 AND name = ANY($2::text[]) AND state < 'active' FOR UPDATE`,
      { bind: [id, QUEUE_NAMES.map(deadLetterQueueOf)], type: QueryTypes.SELECT, transaction },
    );
    const queue = row && queueOfDeadLetter(row.name);
    if (!row || !queue) throw new ApiError('not_found', 'Job not found');
    await deleteJob({ queue: row.name, jobId: id, transaction });
    await recordAudit({ actor, action: 'job.delete', target: { type: 'job', id }, metadata: { queue, data: row.data ?? {} } }, transaction);
    return { queue };
  });
}

/** Runs a dead-lettered job again in its own queue, with a fresh retry budget, and removes the dead copy. */
export async function retryDeadJob({ id, actor }: { id: string; actor: Actor }): Promise<{ queue: QueueName; jobId: string | null }> {
  if (!JOB_ID.test(id)) throw new ApiError('not_found', 'Job not found');
  return getDb().transaction(async (transaction) => {
    const [row] = await getDb().query<{ name: string; data: unknown }>(
      `SELECT name, data FROM pgboss.job WHERE id = $1 AND name = ANY($2::text[]) AND state < 'active' FOR UPDATE`,
      { bind: [id, QUEUE_NAMES.map(deadLetterQueueOf)], type: QueryTypes.SELECT, transaction },
    );
    const queue = row && queueOfDeadLetter(row.name);
    if (!row || !queue) throw new ApiError('not_found', 'Job not found');
    const payload = JOB_PAYLOADS[queue].safeParse(row.data ?? {});
    if (!payload.success) throw new ApiError('unprocessable', 'This job carries a payload the portal no longer understands');
    const jobId = await enqueueJob({ queue, data: payload.data as never, transaction });
    await deleteJob({ queue: row.name, jobId: id, transaction });
    await recordAudit({ actor, action: 'job.retry', target: { type: 'job', id }, metadata: { queue, newJobId: jobId } }, transaction);
    return { queue, jobId };
  });
}

export async function countJobs(): Promise<QueueCounts[]> {
  const rows = await getDb().query<{ name: string; state: string; count: string }>(
    `SELECT name, state, count(*) AS count FROM pgboss.job WHERE name = ANY($1::text[]) GROUP BY name, state`,
    { bind: [[...QUEUE_NAMES, ...QUEUE_NAMES.map(deadLetterQueueOf)]], type: QueryTypes.SELECT },
  );
  return QUEUE_NAMES.map((queue) => {
    const count = (name: string, states: string[]) => rows.filter((r) => r.name === name && states.includes(r.state)).reduce((sum, r) => sum + Number(r.count), 0);
    return {
      queue,
      waiting: count(queue, ['created']),
      retrying: count(queue, ['retry']),
      active: count(queue, ['active']),
      failed: count(queue, ['failed']),
      deadLettered: count(deadLetterQueueOf(queue), ['created', 'retry']),
    };
  });
}
