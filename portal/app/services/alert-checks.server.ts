import type { Transaction } from 'sequelize';
import { enqueueJobs } from '~/lib/jobs/boss.server';
import type { Sql } from '~/lib/raw-sql.server';

/** Runs arriving within this many seconds of each other are looked at by one evaluation. */
export const ALERT_CHECK_DELAY_SECONDS = 1;

/**
 * Enqueues an error-alert evaluation for each workflow, inside the ingest transaction, in one statement.
 * The queue keeps one waiting job per workflow, so a burst of runs costs one evaluation, and runs
 * arriving after it started get the next one. The ingest hot path does nothing else.
 */
export async function enqueueAlertChecks({ workflowIds, transaction, sql }: { workflowIds: string[]; transaction?: Transaction; sql?: Sql }) {
  // sorted: concurrent ingests take the queue's per-key locks in the same order
  const ids = [...new Set(workflowIds)].sort();
  await enqueueJobs({
    queue: 'workflow-alerts',
    jobs: ids.map((workflowId) => ({ data: { workflowId }, singletonKey: workflowId, startAfterSeconds: ALERT_CHECK_DELAY_SECONDS })),
    transaction,
    sql,
  });
}
