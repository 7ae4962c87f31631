import type { Command } from 'commander';
import { startJobs, stopJobs } from '~/jobs/index.server';
import { QUEUE_NAMES } from '~/lib/jobs/queues.server';
import { countJobs, listDeadJobs, retryDeadJob } from '~/services/jobs.server';
import { sendInvoiceReminders } from '~/services/invoice-reminders.server';
import { checkWorkflowHealth } from '~/services/workflow-health.server';
import { parseDayFlag } from './flags';
import { runCommand } from './run.server';

const LATER = 'The portal sends the queued mails and webhooks (or run `npm run cli -- run-jobs --until-idle`).';

export function registerJobCommands(program: Command) {
  program
    .command('send-invoice-reminders')
    .description('mark pending invoices past due as overdue and queue the reminders due today (each is sent once, ever)')
    .option('--date <yyyy-mm-dd>', 'act as if today were this day (UTC)')
    .action((flags: { date?: string }) =>
      runCommand(async () => {
        const result = await sendInvoiceReminders({ today: parseDayFlag(flags.date) });
        console.log(`Checked ${result.checked} open invoices: ${result.remindersSent} reminders queued, ${result.markedOverdue} marked overdue.`);
        if (result.remindersSent > 0) console.log(LATER);
      }),
    );

  program
    .command('check-workflow-health')
    .description('open, update and resolve health alerts (failure rate, stuck runs, missed schedules, no runs)')
    .action(() =>
      runCommand(async () => {
        const result = await checkWorkflowHealth();
        console.log(`Health check: ${result.opened} alerts opened, ${result.resolved} resolved, ${result.open} open.`);
        if (result.opened + result.resolved > 0) console.log(LATER);
      }),
    );

  program
    .command('run-jobs')
    .description('work the job queue in this process (the portal does this too); Ctrl-C stops')
    .option('--until-idle', 'stop once no job is waiting or running')
    .action((flags: { untilIdle?: boolean }) =>
      runCommand(async () => {
        await startJobs({ schedule: false, pollingIntervalSeconds: 1 });
        try {
          await waitUntil(flags.untilIdle ? isIdle : () => false);
        } finally {
          await stopJobs();
        }
        console.log('The job queue is idle.');
      }),
    );

  program
    .command('failed-jobs')
    .description('list jobs that failed their last attempt (dead-lettered)')
    .action(() =>
      runCommand(async () => {
        const counts = await countJobs();
        for (const c of counts) console.log(`${c.queue.padEnd(18)} waiting ${c.waiting}, retrying ${c.retrying}, active ${c.active}, dead-lettered ${c.deadLettered}`);
        const { data } = await listDeadJobs({ limit: 50 });
        if (data.length === 0) return console.log('No dead-lettered jobs.');
        for (const job of data) console.log(`${job.id}  ${job.queue}  ${job.failedAt}  ${job.error ?? ''}`);
      }),
    );

  program
    .command('retry-job <id>')
    .description('run a dead-lettered job again')
    .action((id: string) =>
      runCommand(async () => {
        const retried = await retryDeadJob({ id, actor: { id: null, label: 'cli' } });
        console.log(`Queued again in "${retried.queue}". ${LATER}`);
      }),
    );
}

async function isIdle() {
  const counts = await countJobs();
  return counts.filter((c) => QUEUE_NAMES.includes(c.queue)).every((c) => c.waiting + c.retrying + c.active === 0);
}

async function waitUntil(done: () => Promise<boolean> | boolean) {
  let stop = false;
  const onSignal = () => (stop = true);
  process.once('SIGINT', onSignal);
  try {
    while (!stop && !(await done())) await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    process.off('SIGINT', onSignal);
  }
}
