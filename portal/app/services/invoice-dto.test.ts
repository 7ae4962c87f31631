import type { Invoice } from '~/models/invoice.server';
import { isInvoiceOverdue, toInvoiceSummaryDto } from './invoice-dto';

describe('invoice DTOs', () => {
  it('counts an invoice as overdue once marked so, or while pending after its due date', () => {
    const today = '2026-11-25';
    expect(isInvoiceOverdue({ status: 'pending', dueDate: '2026-11-24', today })).toBe(true);
    expect(isInvoiceOverdue({ status: 'pending', dueDate: '2026-11-25', today })).toBe(false);
    expect(isInvoiceOverdue({ status: 'overdue', dueDate: '2026-12-01', today })).toBe(true);
    expect(isInvoiceOverdue({ status: 'paid', dueDate: '2026-01-01', today })).toBe(false);
  });

  it('owes the total only while the invoice is open', () => {
    const base = {
      id: 'i',
      number: 'INV-2026-0001',
      clientId: 'c',
      type: 'setup',
      amount: '99.50',
      currency: 'EUR',
      issueDate: '2026-11-01',
      dueDate: '2026-11-15',
      paidAt: null,
      paymentMethod: null,
      voidedAt: null,
      periodStart: null,
      periodEnd: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const amountDue = (status: Invoice['status']) => toInvoiceSummaryDto({ ...base, status } as unknown as Invoice, { clientName: 'A', today: '2026-11-20' }).amountDue;
    expect([amountDue('pending'), amountDue('overdue'), amountDue('paid'), amountDue('void')]).toEqual(['99.50', '99.50', '0.00', '0.00']);
  });
});
