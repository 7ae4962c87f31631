import type { ExecutionReport } from '@monoliet/contract';
import type { N8nInstance, Workflow } from '~/models/index.server';
import { recordRuns } from '~/services/ingest.server';

let counter = 0;

const DAY_MS = 86_400_000;

/**
 * An ISO time `days` days before now, at the given UTC hour of that day (so it stays on that UTC day). Never
 * in the future: a time of today that has not come yet (e.g. 00:37 when the tests run at 00:10 UTC) becomes
 * a second ago, or midnight itself in the first second of the day, so it is still today.
 */
export function daysAgo(days: number, hour = 12): string {
  const now = Date.now();
  const at = new Date(now);
  at.setUTCDate(at.getUTCDate() - days);
  at.setUTCHours(hour, counter++ % 60, 0, 0);
  const startOfToday = now - (now % DAY_MS);
  return new Date(Math.min(at.getTime(), Math.max(startOfToday, now - 1000))).toISOString();
}

/** Stores runs of an existing workflow as the Monoliet node would push them (by default earlier today). */
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

/**
 * Waits until the UTC day has at least `marginMs` left, so that a test that stores runs "today" and then
 * asks for today's figures does not see the day change in between (it waits out the last seconds before
 * midnight). Call it at the start of such a test.
 */
export async function awayFromMidnight(marginMs = 15_000) {
  const left = DAY_MS - (Date.now() % DAY_MS);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
