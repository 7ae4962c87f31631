import { alertEntry, invoiceEntry, mergeTimeline, ticketEntry } from './client-timeline';

const at = (iso: string) => new Date(iso);

describe('client timeline', () => {
  it('says what happened to a ticket', () => {
    const base = { id: 'e1', at: at('2026-11-20T10:00:00Z'), ticketId: 't1', number: 1042, subject: 'Xero sync', actor: 'Sam', assigneeName: null };
    expect(ticketEntry({ ...base, kind: 'created', from: null, to: 'open' }).title).toBe('Ticket #1042 opened');
    expect(ticketEntry({ ...base, kind: 'status', from: 'in_progress', to: 'resolved' })).toMatchObject({ title: 'Ticket #1042 resolved', tone: 'green', href: '/staff/tickets/t1' });
    expect(ticketEntry({ ...base, kind: 'status', from: 'resolved', to: 'open' }).title).toBe('Ticket #1042 reopened');
    expect(ticketEntry({ ...base, kind: 'status', from: 'open', to: 'in_progress' }).title).toBe('Ticket #1042 set to in progress');
    expect(ticketEntry({ ...base, kind: 'assignee', from: null, to: 'u1', assigneeName: 'Lena' }).title).toBe('Ticket #1042 assigned to Lena');
    expect(ticketEntry({ ...base, kind: 'priority', from: 'low', to: 'urgent' }).detail).toBe('Xero sync · by Sam');
  });

  it('says what happened to an invoice and a workflow alert', () => {
    const invoice = { id: 'i1', at: at('2026-11-01T00:00:00Z'), number: 'INV-2026-0042', amount: '1490.00', currency: 'EUR' };
    expect(invoiceEntry({ ...invoice, event: 'paid' }, 'i1')).toMatchObject({ title: 'Invoice INV-2026-0042 paid', detail: '€1,490.00', tone: 'green' });
    expect(invoiceEntry({ ...invoice, event: 'overdue' }, 'i1').tone).toBe('red');
    const alert = { id: 'a1', at: at('2026-11-02T00:00:00Z'), kind: 'error', message: 'invalid_grant', workflowName: 'Invoice OCR' };
    expect(alertEntry({ ...alert, event: 'opened' })).toMatchObject({ title: 'Invoice OCR started failing', detail: 'invalid_grant' });
    expect(alertEntry({ ...alert, event: 'resolved' }).title).toBe('Invoice OCR recovered');
  });

  it('merges the three sources newest first and keeps the newest ones', () => {
    const entry = (id: string, iso: string) => ({ id, at: iso, kind: 'ticket' as const, title: id, detail: null, href: null, tone: 'gray' as const });
    const merged = mergeTimeline({ entries: [entry('a', '2026-11-01T00:00:00.000Z'), entry('b', '2026-11-03T00:00:00.000Z'), entry('c', '2026-11-02T00:00:00.000Z'), entry('d', '2026-11-03T00:00:00.000Z')], limit: 3 });
    expect(merged.map((e) => e.id)).toEqual(['b', 'd', 'c']);
  });
});
