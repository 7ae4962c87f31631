import type { ExecutionRunDto } from '@monoliet/contract';
import { Link } from '@remix-run/react';
import { formatDate, formatDateTime } from '~/lib/format';
import { formatMoney } from '~/lib/money';
import type { NextInvoice, OpenTicketsSummary } from '~/services/dashboard.server';
import type { OpenAlert } from '~/services/open-alerts.server';
import { CheckCircleIcon } from './icons';
import { Badge } from './ui/badge';
import { Card } from './ui/card';

// The lower half of the client dashboard: what needs attention, open tickets, the next invoice.
// The shapes match services/dashboard.server.ts (alerts come from the health checks' alerts table).

type Alert = OpenAlert;
type Tickets = OpenTicketsSummary | null;
type Invoice = NextInvoice;

const ALERT_WORDS: Record<Alert['kind'], string> = {
  error: 'Failing',
  stuck: 'A run is stuck',
  missed: 'Missed its schedule',
  failure_rate: 'Failing more often than usual',
  no_runs: 'Has not run lately',
};

export function AttentionCard({ alerts, failures, className = '' }: { alerts: Alert[]; failures: ExecutionRunDto[]; className?: string }) {
  const clear = alerts.length === 0 && failures.length === 0;
  return (
    <Card title="Needs attention" className={`min-w-0 ${className}`}>
      {clear ? (
        <div className="flex items-center gap-3 rounded-lg bg-emerald-50 px-4 py-5 text-sm text-emerald-800" data-testid="all-clear">
          <CheckCircleIcon />
          <p>
            <span className="font-semibold">All clear.</span> No open issues and no failed runs in the last 7 days.
          </p>
        </div>
      ) : (
        <div className="space-y-5">
          {alerts.length > 0 ? (
            <ul className="space-y-2" aria-label="Open alerts" data-testid="open-alerts">
              {alerts.map((alert) => (
                <li key={alert.id} className="flex items-start gap-3 rounded-lg border border-rose-200 bg-rose-50/60 px-4 py-3">
                  <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-rose-500" aria-hidden="true" />
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium text-slate-900">
                      <Link to={`/workflows/${alert.workflow.id}`} className="hover:underline">
                        {alert.workflow.name}
                      </Link>{' '}
                      <Badge tone="red">{ALERT_WORDS[alert.kind]}</Badge>
                    </p>
                    {alert.message ? <p className="mt-0.5 truncate text-sm text-slate-600" title={alert.message}>{alert.message}</p> : null}
                    <p className="mt-0.5 text-xs text-slate-500">Since {formatDateTime(alert.openedAt)} · our team has been notified</p>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          {failures.length > 0 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Recent failed runs</h3>
              <ul className="mt-2 divide-y divide-slate-100" data-testid="recent-failures">
                {failures.map((run) => (
                  <li key={run.id} className="flex flex-col-reverse gap-0.5 py-2.5 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                    <div className="min-w-0">
                      <Link to={`/workflows/${run.workflow.id}?status=failed`} className="text-sm font-medium text-slate-900 hover:underline">
                        {run.workflow.name}
                      </Link>
                      <p className="truncate text-sm text-slate-600" title={run.errorMessage ?? undefined}>
                        {run.errorMessage ?? 'Failed without an error message'}
                        {run.errorNode ? <span className="text-slate-400"> · in “{run.errorNode}”</span> : null}
                      </p>
                    </div>
                    <time className="shrink-0 text-xs text-slate-500" dateTime={run.startedAt}>
                      {formatDateTime(run.startedAt)}
                    </time>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}

export function TicketsCard({ tickets }: { tickets: Tickets }) {
  const open = tickets?.openCount ?? 0;
  return (
    <Card title="Open tickets" action={<Link to="/tickets" className="text-xs font-medium text-brand hover:underline">All tickets</Link>}>
      {tickets && open > 0 ? (
        <>
          <p className="text-2xl font-semibold text-slate-900" data-testid="open-tickets">{open}</p>
          <ul className="mt-3 divide-y divide-slate-100">
            {tickets.recent.map((ticket) => (
              <li key={ticket.id} className="py-2 text-sm">
                <Link to={`/tickets/${ticket.id}`} className="font-medium text-slate-900 hover:underline">{ticket.subject}</Link>
                <p className="text-xs text-slate-500">Updated {formatDateTime(ticket.updatedAt)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-slate-500" data-testid="open-tickets-empty">No open tickets. Questions or changes? Open a ticket and we reply within a working day.</p>
      )}
    </Card>
  );
}

export function InvoiceCard({ invoice }: { invoice: Invoice }) {
  return (
    <Card title="Next invoice due" action={<Link to="/invoices" className="text-xs font-medium text-brand hover:underline">All invoices</Link>}>
      {invoice ? (
        <Link to={`/invoices/${invoice.id}`} className="block" data-testid="next-invoice">
          <p className="text-2xl font-semibold text-slate-900">{formatMoney({ amount: invoice.amount, currency: invoice.currency })}</p>
          <p className="mt-1 text-sm text-slate-600">
            {invoice.number} · due {formatDate(invoice.dueDate)}{' '}
            {invoice.status === 'overdue' ? <Badge tone="red">Overdue</Badge> : null}
          </p>
        </Link>
      ) : (
        <p className="text-sm text-slate-500" data-testid="next-invoice-empty">Nothing to pay right now.</p>
      )}
    </Card>
  );
}
