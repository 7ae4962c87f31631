import type { InvoiceDto, InvoiceSummaryDto } from '@monoliet/contract';
import type { Invoice } from '~/models/invoice.server';

/** Today's date in UTC, the day invoices fall due on. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isInvoiceOverdue({ status, dueDate, today }: { status: Invoice['status']; dueDate: string; today: string }): boolean {
  return status === 'overdue' || (status === 'pending' && dueDate < today);
}

export function toInvoiceSummaryDto(invoice: Invoice, { clientName, today }: { clientName: string; today: string }): InvoiceSummaryDto {
  const open = invoice.status === 'pending' || invoice.status === 'overdue';
  return {
    id: invoice.id,
    number: invoice.number,
    clientId: invoice.clientId,
    clientName,
    type: invoice.type,
    status: invoice.status,
    isOverdue: isInvoiceOverdue({ status: invoice.status, dueDate: invoice.dueDate, today }),
    currency: invoice.currency,
    total: invoice.amount,
    amountDue: open ? invoice.amount : '0.00',
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    paymentMethod: invoice.paymentMethod,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    createdAt: invoice.createdAt.toISOString(),
    updatedAt: invoice.updatedAt.toISOString(),
  };
}

export function toInvoiceDto(invoice: Invoice, options: { clientName: string; today: string }): InvoiceDto {
  return {
    ...toInvoiceSummaryDto(invoice, options),
    lines: invoice.lines.map((line) => ({ description: line.description, quantity: line.quantity, unitAmount: line.unitAmount, amount: line.amount })),
    notes: invoice.notes,
  };
}
