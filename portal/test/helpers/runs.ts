import type { ExecutionReport } from '@monoliet/contract';
import type { N8nInstance, Workflow } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';

let counter = 0;

/** An ISO time `days` days before now (at the given UTC hour of that day, so it stays on that UTC day). */
export function daysAgo(days: number, hour = 12): string {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() - days);
  at.setUTCHours(hour, counter++ % 60, 0, 0);
  return at.toISOString();
}

/** Stores runs of an existing workflow as the Monoliet node would push them. */
export async function pushRuns({ instance, workflow, runs }: { instance: N8nInstance; workflow: Workflow; runs: Partial<ExecutionReport>[] }) {
  const reports = runs.map((run) => ({
    executionId: `t${Date.now().toString(36)}${(counter++).toString(36)}`,
    workflowId: workflow.n8nWorkflowId,
    status: 'success' as const,
    startedAt: daysAgo(0, 0),
    mode: 'trigger',
    ...run,
  }));
  await recordRuns({ instanceId: instance.id, reports, source: 'push' });
  return reports;
}
