// Portal records in the contract's response shapes, for the fake portal to list and answer with.
import type { ClientDto, ExecutionRunDto, InvoiceDto, TicketDetail, WorkflowDetailDto } from '@monoliet/contract';
import { randomUUID } from 'node:crypto';

let sequence = 0;
const next = () => ++sequence;
const at = (minutesAgo: number) => new Date(Date.parse('2026-11-25T12:00:00.000Z') - minutesAgo * 60_000).toISOString();

export function buildClientRecord(overrides: Partial<ClientDto> = {}): ClientDto {
  const n = next();
  return {
    id: randomUUID(),
    slug: `client-${n}`,
    companyName: `Client ${n} BV`,
    contactName: 'Sanne de Vries',
    email: `ops${n}@client.test`,
    billingEmail: null,
    phone: '',
    status: 'active',
    plan: 'Growth',
    setupFee: '1500.00',
    monthlyFee: '490.00',
    currency: 'EUR',
    billingCycle: 'monthly',
    nextBillingDate: '2026-12-01',
    createdAt: at(n),
    updatedAt: at(n),
    ...overrides,
  };
}

export function buildTicketRecord(overrides: Partial<TicketDetail> = {}): TicketDetail {
  const n = next();
  return {
    id: randomUUID(),
    number: 1000 + n,
    clientId: randomUUID(),
    subject: `Ticket ${n}`,
    description: 'The nightly export did not arrive',
    priority: 'medium',
    status: 'open',
    workflow: null,
    createdBy: { id: randomUUID(), name: 'Sanne', role: 'client' },
    assignee: null,
    resolvedAt: null,
    createdAt: at(n),
    updatedAt: at(n),
    comments: [],
    history: [],
    ...overrides,
  };
}

export function buildInvoiceRecord(overrides: Partial<InvoiceDto> = {}): InvoiceDto {
  const n = next();
  return {
    id: randomUUID(),
    number: `INV-2026-${String(n).padStart(4, '0')}`,
    clientId: randomUUID(),
    clientName: `Client ${n} BV`,
    type: 'additional',
    status: 'pending',
    isOverdue: false,
    currency: 'EUR',
    total: '250.00',
    amountDue: '250.00',
    issueDate: '2026-11-20',
    dueDate: '2026-12-04',
    paidAt: null,
    paymentMethod: null,
    voidedAt: null,
    periodStart: null,
    periodEnd: null,
    createdAt: at(n),
    updatedAt: at(n),
    lines: [{ description: 'Workflow maintenance', quantity: 1, unitAmount: '250.00', amount: '250.00' }],
    notes: '',
    ...overrides,
  };
}

/** A summary as list routes give it (everything but lines and notes). */
export function summaryOf({ lines: _lines, notes: _notes, ...summary }: InvoiceDto) {
  return summary;
}

/** A ticket as lists and writes give it (without conversation and history). */
export function ticketOf({ comments: _comments, history: _history, ...ticket }: TicketDetail) {
  return ticket;
}

export function buildWorkflowRecord(overrides: Partial<WorkflowDetailDto> = {}): WorkflowDetailDto {
  const n = next();
  return {
    id: randomUUID(),
    instanceId: randomUUID(),
    n8nWorkflowId: `wf${String(n).padStart(14, '0')}`,
    name: `Workflow ${n}`,
    status: 'active',
    active: true,
    client: null,
    minutesSavedPerRun: 5,
    expectedIntervalMinutes: 60,
    tags: [],
    lastRun: { startedAt: at(n), status: 'success' },
    createdAt: at(n),
    updatedAt: at(n),
    last30Days: { total: 120, success: 118, error: 2, successRate: 118 / 120, avgDurationMs: 1840, minutesSaved: 590 },
    ...overrides,
  };
}

/** A workflow as lists and activation give it (without the last 30 days). */
export function workflowOf({ last30Days: _figures, ...workflow }: WorkflowDetailDto) {
  return workflow;
}

export function buildExecutionRunRecord(overrides: Partial<ExecutionRunDto> = {}): ExecutionRunDto {
  const n = next();
  return {
    id: randomUUID(),
    instanceId: randomUUID(),
    n8nExecutionId: String(5000 + n),
    workflow: { id: randomUUID(), name: 'Orders sync', n8nWorkflowId: 'wf_Orders01' },
    clientId: null,
    status: 'success',
    mode: 'trigger',
    startedAt: at(n),
    stoppedAt: at(n - 1),
    durationMs: 60_000,
    errorMessage: null,
    errorNode: null,
    retryOf: null,
    itemCount: 3,
    source: 'push',
    ...overrides,
  };
}
