import { startJobQueue, stopJobQueue, type JobDefinition, type StartJobQueueOptions } from '~/lib/jobs/boss.server';
import { applySchedules } from '~/services/job-schedules.server';
import { emailJob, webhookJob } from './messaging.job.server';
import { alertDigestJob, invoiceRemindersJob, reconcileJob, workflowAlertsJob, workflowHealthJob } from './scheduled.job.server';

/** Every queue's worker. */
export const JOBS = [emailJob, webhookJob, reconcileJob, invoiceRemindersJob, workflowHealthJob, workflowAlertsJob, alertDigestJob] as JobDefinition[];

/** Starts the workers of every queue in this process and applies the schedules from portal_settings. */
export async function startJobs(options: Omit<StartJobQueueOptions, 'jobs'> = {}) {
  await startJobQueue({ jobs: JOBS, ...options });
  if (options.schedule !== false) await applySchedules();
}

export async function stopJobs() {
  await stopJobQueue();
}
