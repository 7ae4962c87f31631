import { fromCents, toCents } from '~/lib/money';

// MRR (monthly recurring revenue): the monthly fees of the clients paying now, a yearly fee counting as a
// twelfth (rounded to the cent per client). The original portal summed every fee of every client and called
// it "revenue"; setup fees, paused and churned clients are not recurring revenue.
//
// The trend is derived from what the clients table knows, not from a stored history:
// - a client counts at a past moment when it had been created by then, had not churned yet (churned_at), and
//   is active now or churned since (it was paying before it churned);
// - a paused client counts nowhere: nobody recorded when the pause began;
// - fee and cycle changes are not recorded, so past months use today's fee;
// - a churned client that was reactivated lost its churn date, so its first spell is not shown.
// The last point of the trend is now, and it equals the headline MRR.

export type MrrClient = {
  status: 'active' | 'paused' | 'churned';
  monthlyFee: string;
  billingCycle: 'monthly' | 'yearly';
  currency: string;
  createdAt: Date;
  churnedAt: Date | null;
};

export type MrrAmount = { currency: string; amount: string };
export type MrrPoint = { month: string; at: string; amounts: MrrAmount[] };

/** What one client pays per month, in cents of its currency. */
export function monthlyCents(client: Pick<MrrClient, 'monthlyFee' | 'billingCycle'>): number {
  const cents = toCents(client.monthlyFee);
  return client.billingCycle === 'yearly' ? Math.round(cents / 12) : cents;
}

/** Whether the client was paying at that moment, as far as the clients table can tell (see above). */
export function wasPayingAt({ client, at }: { client: MrrClient; at: Date }): boolean {
  if (client.status === 'paused' || client.createdAt > at) return false;
  if (client.status === 'churned') return client.churnedAt !== null && client.churnedAt > at;
  return client.churnedAt === null || client.churnedAt > at;
}

/** MRR per currency at a moment (amounts in different currencies are never added up), largest first. */
export function mrrAt({ clients, at }: { clients: MrrClient[]; at: Date }): MrrAmount[] {
  const cents = new Map<string, number>();
  for (const client of clients) {
    if (!wasPayingAt({ client, at })) continue;
    cents.set(client.currency, (cents.get(client.currency) ?? 0) + monthlyCents(client));
  }
  return [...cents]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([currency, total]) => ({ currency, amount: fromCents(total) }));
}

/** The MRR at the end of each of the last `months - 1` months (UTC), then now. */
export function mrrTrend({ clients, now, months = 12 }: { clients: MrrClient[]; now: Date; months?: number }): MrrPoint[] {
  const points: MrrPoint[] = [];
  for (let back = months - 1; back >= 1; back--) {
    // the last millisecond of the month `back` months before this one
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1) - 1);
    points.push({ month: at.toISOString().slice(0, 7), at: at.toISOString(), amounts: mrrAt({ clients, at }) });
  }
  points.push({ month: now.toISOString().slice(0, 7), at: now.toISOString(), amounts: mrrAt({ clients, at: now }) });
  return points;
}
