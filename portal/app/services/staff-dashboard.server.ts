import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { listFailingWorkflows } from './failing-workflows.server';
import { listInstanceSyncStates } from './instance-sync-state.server';
import { summarizeOutstanding } from './invoice-queries.server';
import { summarizeMrr } from './mrr.server';
import { summarizeRunsPerDay } from './run-series.server';
import { countOpenTicketsByPriority } from './tickets.server';

export const RUN_WINDOWS = [7, 30] as const;
export type RunWindow = (typeof RUN_WINDOWS)[number];

/** Everything the staff dashboard shows, each figure from the service that owns it. */
export async function getStaffDashboard({ caller, runDays, now = new Date() }: { caller: Caller; runDays: RunWindow; now?: Date }) {
  assertStaff(caller);
  const [mrr, outstanding, openTickets, failing, runs, instances] = await Promise.all([
    summarizeMrr({ caller, now }),
    summarizeOutstanding({ caller }),
    countOpenTicketsByPriority(caller),
    listFailingWorkflows({ caller, limit: 8 }),
    summarizeRunsPerDay({ caller, days: runDays, now }),
    listInstanceSyncStates({ caller, now }),
  ]);
  return { mrr, outstanding, openTickets, failing, runs, instances };
}
