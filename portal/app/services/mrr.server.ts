import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { Client } from '~/models/index.server';
import { mrrAt, mrrTrend, type MrrAmount, type MrrPoint } from './mrr';

export type MrrSummary = { current: MrrAmount[]; trend: MrrPoint[]; activeClients: number };

/** Staff: the MRR now and at the end of each of the last 11 months (see mrr.ts for the method and its limits). */
export async function summarizeMrr({ caller, now = new Date() }: { caller: Caller; now?: Date }): Promise<MrrSummary> {
  assertStaff(caller);
  const clients = await Client.findAll({ attributes: ['status', 'monthlyFee', 'billingCycle', 'currency', 'createdAt', 'churnedAt'] });
  return {
    current: mrrAt({ clients, at: now }),
    trend: mrrTrend({ clients, now }),
    activeClients: clients.filter((client) => client.status === 'active').length,
  };
}
