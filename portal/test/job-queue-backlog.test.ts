import { startJobs, stopJobs } from '~/jobs/index.server';
import { enqueueJobs } from '~/lib/jobs/boss.server';
import { buildInstance, buildWorkflow } from './factories';
import { jobStates } from './helpers/jobs';

describe('a backlog in the job queue', () => {
  afterAll(async () => {
    await stopJobs();
  });

  it('drains at the speed of its jobs, not one batch per polling interval', async () => {
    const instance = await buildInstance();
    const workflows = await Promise.all(Array.from({ length: 40 }, () => buildWorkflow({ instance })));
    // 40 alert checks: four rounds of the queue's 2 workers × 5 jobs
    await enqueueJobs({ queue: 'workflow-alerts', jobs: workflows.map((w) => ({ data: { workflowId: w.id }, singletonKey: w.id })) });
    // a polling interval longer than the test may take: only fetching again after a full batch drains it
    await startJobs({ schedule: false, pollingIntervalSeconds: 60 });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await jobStates('workflow-alerts')).completed !== 40) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobStates('workflow-alerts')).toEqual({ completed: 40 });
  }, 30_000);
});
