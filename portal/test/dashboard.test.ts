import { InvoiceListQuerySchema, TicketListQuerySchema } from '@monoliet/contract';
import { callerFromSession } from '~/lib/caller.server';
import { CHART_RANGES, KPI_DAYS } from '~/lib/periods';
import { Client, ClientMember, User } from '~/models/index.server';
import { getDashboard } from '~/services/dashboard.server';
import { getExecutionStats, todayUtc } from '~/services/execution-stats.server';
import { listExecutions } from '~/services/executions.server';
import { listInvoices } from '~/services/invoice-queries.server';
import { addDays } from '~/services/invoices.server';
import { listOpenAlerts } from '~/services/open-alerts.server';
import { loadSampleData } from '~/services/sample-data/load.server';
import { countTicketsByStatus, listTickets } from '~/services/tickets.server';
import { buildClient, buildUser } from './factories';

// The client dashboard reads everything in one statement; what it shows must be what the API's services
// answer for the same client (the stats, and the first items of the alerts, executions, tickets and
// invoices lists), for every client of the demo agency and every chart range.

async function clientCallers() {
  const members = await ClientMember.findAll({ include: [{ model: User, as: 'user' }, { model: Client, as: 'client' }] });
  return members.map((member) => callerFromSession({ user: member.user!, client: member.client!, ip: '127.0.0.1' }));
}

describe('client dashboard', () => {
  it('shows what the API services answer for the same client, for every client and chart range', async () => {
    const now = new Date();
    await loadSampleData({ now });
    const callers = await clientCallers();
    expect(callers.length).toBeGreaterThanOrEqual(5);
    const today = todayUtc(now);
    let seen = { alerts: 0, failures: 0, tickets: 0, invoices: 0 };
    for (const caller of callers) {
      const [alerts, failures, counts, tickets, invoices] = await Promise.all([
        listOpenAlerts({ caller, limit: 5 }),
        listExecutions({ caller, query: { limit: 5, order: '-startedAt', status: ['error', 'crashed'], since: new Date(now.getTime() - 7 * 86_400_000).toISOString() } }),
        countTicketsByStatus(caller),
        listTickets({ caller, query: TicketListQuerySchema.parse({ status: 'open,in_progress', order: '-updatedAt', limit: '3' }) }),
        listInvoices({ caller, query: InvoiceListQuerySchema.parse({ status: 'pending,overdue', order: 'dueDate', limit: '1' }) }),
      ]);
      const invoice = invoices.data[0];
      for (const range of CHART_RANGES) {
        const dashboard = await getDashboard({ caller, range, now });
        expect(dashboard).toEqual({
          current: await getExecutionStats({ caller, query: { days: KPI_DAYS, until: today } }),
          previous: await getExecutionStats({ caller, query: { days: KPI_DAYS, until: addDays({ day: today, days: -KPI_DAYS }) } }),
          chart: await getExecutionStats({ caller, query: { days: range, until: today } }),
          attention: {
            alerts,
            failures: failures.data,
            tickets: { openCount: counts.open + counts.in_progress, recent: tickets.data.map(({ id, subject, status, updatedAt }) => ({ id, subject, status, updatedAt })) },
            nextInvoice: invoice
              ? { id: invoice.id, number: invoice.number, amount: invoice.amountDue, currency: invoice.currency, dueDate: invoice.dueDate, status: invoice.isOverdue ? 'overdue' : invoice.status }
              : null,
          },
        });
      }
      seen = { alerts: seen.alerts + alerts.length, failures: seen.failures + failures.data.length, tickets: seen.tickets + tickets.data.length, invoices: seen.invoices + invoices.data.length };
    }
    // the demo agency has some of each, so the comparison above compared real lists
    expect(Object.values(seen).every((count) => count > 0)).toBe(true);
  });

  it('is for a client member only', async () => {
    const staff = callerFromSession({ user: await buildUser({ role: 'staff' }), client: null, ip: '127.0.0.1' });
    await expect(getDashboard({ caller: staff, range: 30 })).rejects.toMatchObject({ code: 'forbidden' });
    const client = await buildClient();
    const member = callerFromSession({ user: await buildUser({ client }), client, ip: '127.0.0.1' });
    expect((await getDashboard({ caller: member, range: 7 })).current).toMatchObject({ total: 0, days: KPI_DAYS });
  });
});
