import PgBoss from 'pg-boss';
import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import { sha256 } from '../crypto.server';
import { sqlIn, type Sql } from '../raw-sql.server';
import { getConfig } from '../config.server';
import { logger } from '../logger.server';
import { createDrainablePool, type DrainablePool } from './boss-pool.server';
import { deadLetterQueueOf, JOB_PAYLOADS, QUEUE_NAMES, QUEUE_POLICIES, type JobPayload, type QueueName } from './queues.server';

// pg-boss is the only job queue: it stores jobs in PostgreSQL (schema `pgboss`), so work survives restarts,
// retries with backoff, and each job and each scheduled run happens once across several portal replicas.

const BOSS_OPTIONS = {
  application_name: 'monoliet-jobs',
  migrate: false, // the schema is installed by `migrate` (installJobQueue), under the migration lock
  retentionDays: 14,
  // failed jobs stay retryable for a week; their dead-letter copies are kept about four weeks
  archiveFailedAfterSeconds: 7 * 24 * 3600,
  deleteAfterDays: 7,
} as const;

let boss: PgBoss | undefined;
/** the connections of the running instance (see boss-pool.server) */
let bossPool: DrainablePool | undefined;
let running = false;

/** This process's pg-boss. Sending works without starting it (sends go through Sequelize). */
function getBoss(): PgBoss {
  boss ??= createBoss();
  return boss;
}

function createBoss(): PgBoss {
  const created = new PgBoss({ ...BOSS_OPTIONS, connectionString: getConfig().databaseUrl!, max: 4 });
  created.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  return created;
}

/** pg-boss's database interface over Sequelize, so a send joins the caller's transaction. */
export function sequelizeJobDb(transaction?: Transaction | null): PgBoss.Db {
  return sqlJobDb(sqlIn(transaction));
}

export type EnqueueOptions = Pick<PgBoss.SendOptions, 'singletonKey' | 'startAfter' | 'retryLimit' | 'retryDelay'>;

/**
 * Adds a job to a queue. Inside a transaction, the job exists only if that transaction commits: nothing
 * runs for a rolled-back change, nothing is lost for a committed one. Returns the job id, or null when the
 * queue's policy dropped it (a job with the same singletonKey is already waiting).
 */
export async function enqueueJob<Q extends QueueName>({
  queue,
  data,
  transaction,
  options = {},
}: {
  queue: Q;
  data: JobPayload<Q>;
  transaction?: Transaction | null;
  options?: EnqueueOptions;
}): Promise<string | null> {
  return getBoss().send(queue, data as object, { ...options, retryBackoff: true, db: sequelizeJobDb(transaction) });
}

/** pg-boss's database interface over an `Sql` connection (the ingest path's plain `pg`). */
function sqlJobDb(sql: Sql): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await sql(
        text,
        values.map((value) => (value === undefined ? null : value)),
        statementName(text),
      ),
    }),
  };
}

// pg-boss's statements through sqlJobDb (its job insert, on the ingest's connection) are prepared once per
// connection under a name derived from their text: sent unnamed, the insert was planned again every time
// (0.38 ms of planning for 0.27 ms of execution, pg_stat_statements with track_planning). Its texts are a
// handful of fixed statements; past the limit a text is sent unnamed.
const STATEMENT_NAMES = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 20;
function statementName(text: string): string | undefined {
  let name = STATEMENT_NAMES.get(text);
  if (name === undefined && STATEMENT_NAMES.size < MAX_NAMED_STATEMENTS) {
    name = `boss_${sha256(text).slice(0, 20)}`;
    STATEMENT_NAMES.set(text, name);
  }
  return name;
}

/** Several jobs in one statement (the ingest hot path); the same transactional guarantee. */
export async function enqueueJobs<Q extends QueueName>({
  queue,
  jobs,
  transaction,
  sql,
}: {
  queue: Q;
  jobs: { data: JobPayload<Q>; singletonKey?: string; startAfterSeconds?: number }[];
  transaction?: Transaction | null;
  /** instead of a Sequelize transaction: the connection (in a transaction) of the caller */
  sql?: Sql;
}) {
  if (jobs.length === 0) return;
  await getBoss().insert(
    jobs.map((job) => ({
      name: queue,
      data: job.data as object,
      singletonKey: job.singletonKey,
      // an interval, so the delay runs on the database's clock
      startAfter: job.startAfterSeconds ? `${job.startAfterSeconds} seconds` : undefined,
      retryBackoff: true,
    })),
    { db: sqlJobDb(sql ?? sqlIn(transaction)) },
  );
}

/** Asks pg-boss to run a failed job again (in its own queue). */
export async function retryFailedJob({ queue, jobId, transaction }: { queue: string; jobId: string; transaction?: Transaction }) {
  const result = (await getBoss().retry(queue, jobId, { db: sequelizeJobDb(transaction) })) as unknown as { affected: number };
  return result.affected > 0;
}

export async function deleteJob({ queue, jobId, transaction }: { queue: string; jobId: string; transaction?: Transaction }) {
  await getBoss().deleteJob(queue, jobId, { db: sequelizeJobDb(transaction) });
}

/**
 * Installs or upgrades pg-boss's schema and creates the portal's queues (and their dead-letter queues).
 * Part of `migrate`, so the test template database already has it and each test file does not pay for it.
 */
export async function installJobQueue({ databaseUrl }: { databaseUrl: string }) {
  const installer = new PgBoss({ ...BOSS_OPTIONS, connectionString: databaseUrl, max: 1, migrate: true, supervise: false, schedule: false });
  installer.on('error', (error) => logger.error({ err: error }, 'job queue install error'));
  await installer.start();
  try {
    await ensureQueues({ boss: installer });
  } finally {
    await installer.stop({ graceful: false, wait: true });
  }
}

type RetryOverrides = { retryDelaySeconds?: number; retryLimit?: number };

async function ensureQueues({ boss: target, retryDelaySeconds, retryLimit: limitOverride }: { boss: PgBoss } & RetryOverrides) {
  const existing = new Set((await target.getQueues()).map((queue) => queue.name));
  for (const queue of QUEUE_NAMES) {
    const deadLetter = deadLetterQueueOf(queue);
    if (!existing.has(deadLetter)) await target.createQueue(deadLetter, { name: deadLetter });
    const { policy, retryLimit, retryDelay, expireInSeconds } = QUEUE_POLICIES[queue];
    const options = { name: queue, policy, retryLimit: limitOverride ?? retryLimit, retryDelay: retryDelaySeconds ?? retryDelay, retryBackoff: true, expireInSeconds, deadLetter };
    if (existing.has(queue)) await target.updateQueue(queue, options);
    else await target.createQueue(queue, options);
  }
}

export type JobContext = { jobId: string; attempt: number; isFinalAttempt: boolean };
export type JobDefinition<Q extends QueueName = QueueName> = {
  queue: Q;
  /** parallel workers of this queue in each process */
  workers?: number;
  /** jobs fetched per poll; each is run and settled on its own */
  batchSize?: number;
  run: (payload: z.output<(typeof JOB_PAYLOADS)[Q]>, context: JobContext) => Promise<unknown>;
};

export type StartJobQueueOptions = {
  jobs: JobDefinition[];
  /** how often idle workers look for jobs (default 2 s) */
  pollingIntervalSeconds?: number;
  /** run the cron schedules in this process (default true) */
  schedule?: boolean;
} & RetryOverrides; // tests shorten every queue's retries (1 s first delay, fewer attempts)

/** Starts pg-boss's workers (and its cron) in this process. */
export async function startJobQueue({ jobs, pollingIntervalSeconds = 2, schedule = true, retryDelaySeconds, retryLimit }: StartJobQueueOptions) {
  if (running) return;
  // a fresh instance: an instance that was stopped cannot start again
  await boss?.stop({ graceful: false, wait: true });
  const onError = (error: Error) => logger.error({ err: error }, 'job queue error');
  bossPool = createDrainablePool({ connectionString: getConfig().databaseUrl!, max: 4, applicationName: BOSS_OPTIONS.application_name, onError });
  boss = new PgBoss({ ...BOSS_OPTIONS, db: bossPool, schedule, supervise: true });
  const started = boss;
  started.on('error', onError);
  await started.start();
  running = true;
  await ensureQueues({ boss: started, retryDelaySeconds, retryLimit });
  for (const job of jobs) {
    for (let i = 0; i < (job.workers ?? 1); i++) {
      await started.work(job.queue, { batchSize: job.batchSize ?? 1, pollingIntervalSeconds, includeMetadata: true }, (batch) => runBatch({ boss: started, job, batch }));
    }
  }
}

/** Stops the workers, letting running jobs finish for up to `timeoutMs`. */
export async function stopJobQueue({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}) {
  const current = boss;
  const pool = bossPool;
  boss = undefined;
  bossPool = undefined;
  if (!current || !running) return;
  running = false;
  await current.stop({ graceful: true, wait: true, timeout: timeoutMs });
  await pool?.close();
}

export function isJobQueueRunning() {
  return running;
}

/**
 * Creates or updates a queue's cron schedule (UTC). pg-boss keeps schedules in the database and fires
 * each once across all replicas. Needs the running queue; returns false without one (the CLI).
 */
export async function setSchedule({ queue, cron }: { queue: QueueName; cron: string }): Promise<boolean> {
  if (!running || !boss) return false;
  await boss.schedule(queue, cron, {}, { tz: 'UTC', singletonKey: 'schedule' });
  return true;
}

async function runBatch({ boss: owner, job, batch }: { boss: PgBoss; job: JobDefinition; batch: PgBoss.JobWithMetadata<unknown>[] }) {
  await Promise.all(
    batch.map(async (item) => {
      const context = { jobId: item.id, attempt: item.retryCount + 1, isFinalAttempt: item.retryCount >= item.retryLimit };
      try {
        const payload = JOB_PAYLOADS[job.queue].parse(item.data ?? {});
        await job.run(payload as never, context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn({ queue: job.queue, jobId: item.id, attempt: context.attempt, err: error }, 'job failed');
        // settled one by one, so a failing job does not fail the others of its batch
        await owner.fail(job.queue, item.id, { message });
      }
    }),
  );
}
