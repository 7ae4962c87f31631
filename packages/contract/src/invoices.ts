import { z } from 'zod';
import { CurrencySchema, defineRoute, IdParamsSchema, isoDate, isoDateTime, MoneySchema, queryBoolean } from './api';
import { pageOf, PageQuerySchema } from './pagination';

export const INVOICE_TYPES = ['setup', 'monthly', 'additional'] as const;
export const INVOICE_STATUSES = ['pending', 'overdue', 'paid', 'void'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'card', 'direct_debit', 'paypal', 'stripe', 'cash', 'check', 'other'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** the most lines one invoice may hold */
export const MAX_INVOICE_LINES = 100;

export const InvoiceLineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitAmount: MoneySchema,
  /** quantity × unit price, rounded to the cent */
  amount: MoneySchema,
});
export type InvoiceLineDto = z.infer<typeof InvoiceLineSchema>;

/** An invoice as lists show it: everything but the lines and notes. */
export const InvoiceSummarySchema = z.object({
  id: z.uuid(),
  /** e.g. INV-2026-0042, assigned on creation, unique and gap-free per year */
  number: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  type: z.enum(INVOICE_TYPES),
  status: z.enum(INVOICE_STATUSES),
  /** overdue, or still pending after its due date (the reminder job marks those overdue later) */
  isOverdue: z.boolean(),
  currency: CurrencySchema,
  /** the sum of the lines */
  total: MoneySchema,
  /** what is still to be paid: the total while pending or overdue, "0.00" once paid or void */
  amountDue: MoneySchema,
  issueDate: isoDate,
  dueDate: isoDate,
  paidAt: isoDateTime.nullable(),
  paymentMethod: z.string().nullable(),
  voidedAt: isoDateTime.nullable(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type InvoiceSummaryDto = z.infer<typeof InvoiceSummarySchema>;

export const InvoiceSchema = InvoiceSummarySchema.extend({
  lines: z.array(InvoiceLineSchema),
  /** printed on the invoice, so the client sees them too */
  notes: z.string(),
});
export type InvoiceDto = z.infer<typeof InvoiceSchema>;

const hasAtMostDecimals = (places: number) => (value: number) => Math.abs(value * 10 ** places - Math.round(value * 10 ** places)) < 1e-6;

export const InvoiceLineInputSchema = z.object({
  description: z.string().trim().min(1, 'describe the line').max(500),
  quantity: z.number().positive().max(100_000).refine(hasAtMostDecimals(3), 'use at most 3 decimals'),
  /** a negative unit amount makes a discount line; the invoice total must stay at or above zero */
  unitAmount: MoneySchema,
});
export type InvoiceLineInput = z.infer<typeof InvoiceLineInputSchema>;

const inNumberingRange = (day: string) => day >= '2000-01-01' && day <= '9999-12-31';
const invoiceDate = isoDate.refine(inNumberingRange, 'must be in the years 2000 to 9999');
const notes = z.string().max(5000);

export const InvoiceCreateSchema = z
  .object({
    clientId: z.uuid(),
    type: z.enum(INVOICE_TYPES),
    /** required, except for a "monthly" invoice: without lines it is filled from the client's plan and fee */
    lines: z.array(InvoiceLineInputSchema).max(MAX_INVOICE_LINES).optional(),
    /** defaults to the client's currency */
    currency: CurrencySchema.optional(),
    /** defaults to today (UTC); its year is the year of the number */
    issueDate: invoiceDate.optional(),
    /** defaults to the issue date plus the payment terms of the settings */
    dueDate: invoiceDate.optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    notes: notes.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type !== 'monthly' && (!value.lines || value.lines.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'add at least one line (only a monthly invoice is filled from the plan)' });
    }
    if (value.lines && value.lines.length === 0 && value.type === 'monthly') {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'leave lines out to fill the invoice from the plan, or add at least one' });
    }
    if ((value.periodStart === undefined) !== (value.periodEnd === undefined)) {
      ctx.addIssue({ code: 'custom', path: [value.periodStart ? 'periodEnd' : 'periodStart'], message: 'give both the period start and end' });
    } else if (value.periodStart && value.periodEnd && value.periodEnd < value.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must be on or after the period start' });
    }
    if (value.issueDate && value.dueDate && value.dueDate < value.issueDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'must be on or after the issue date' });
    }
  });
export type InvoiceCreate = z.infer<typeof InvoiceCreateSchema>;

/** Only an open (pending or overdue) invoice can change, and only these fields. */
export const InvoiceUpdateSchema = z
  .object({
    dueDate: invoiceDate.optional(),
    notes: notes.optional(),
    lines: z.array(InvoiceLineInputSchema).min(1, 'an invoice needs at least one line').max(MAX_INVOICE_LINES).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'send at least one of dueDate, notes, lines');
export type InvoiceUpdate = z.infer<typeof InvoiceUpdateSchema>;

export const InvoicePaySchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  /** when the money arrived: a date or a date-time; defaults to now, never in the future */
  paidAt: z.union([isoDateTime, isoDate]).optional(),
});
export type InvoicePay = z.infer<typeof InvoicePaySchema>;

export const InvoiceVoidSchema = z.object({
  /** kept in the audit log */
  reason: z.string().trim().max(500).optional(),
});
export type InvoiceVoid = z.infer<typeof InvoiceVoidSchema>;

/** `?status=pending,overdue`: one status or several, separated by commas. */
const statusList = z
  .string()
  .transform((text) => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.enum(INVOICE_STATUSES)).min(1, 'name at least one status'));

export const InvoiceListQuerySchema = PageQuerySchema.extend({
  status: statusList.optional(),
  /** staff: one client's invoices (a client user always sees only its own) */
  client: z.uuid().optional(),
  type: z.enum(INVOICE_TYPES).optional(),
  /** true: overdue, or pending past the due date; false: everything else */
  overdue: queryBoolean.optional(),
  /** issue date on or after this day */
  issuedSince: isoDate.optional(),
  /** issue date on or before this day */
  issuedUntil: isoDate.optional(),
  order: z.enum(['issueDate', '-issueDate', 'dueDate', '-dueDate', 'number', '-number']).default('-issueDate'),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuerySchema>;

export const invoiceRoutes = {
  list: defineRoute({ id: 'listInvoices', method: 'GET', path: '/invoices', summary: 'List invoices (a client user sees only its own)', tag: 'Invoices', access: 'user', scope: 'read', query: InvoiceListQuerySchema, response: pageOf(InvoiceSummarySchema), status: 200 }),
  create: defineRoute({ id: 'createInvoice', method: 'POST', path: '/invoices', summary: 'Create an invoice; the number is assigned automatically', tag: 'Invoices', access: 'staff', scope: 'write', body: InvoiceCreateSchema, response: InvoiceSchema, status: 201 }),
  get: defineRoute({ id: 'getInvoice', method: 'GET', path: '/invoices/{id}', summary: 'Get an invoice with its lines', tag: 'Invoices', access: 'user', scope: 'read', params: IdParamsSchema, response: InvoiceSchema, status: 200, resource: 'invoice' }),
  update: defineRoute({ id: 'updateInvoice', method: 'PATCH', path: '/invoices/{id}', summary: 'Change the due date, notes or lines of an open invoice', tag: 'Invoices', access: 'staff', scope: 'write', params: IdParamsSchema, body: InvoiceUpdateSchema, response: InvoiceSchema, status: 200, resource: 'invoice' }),
  pay: defineRoute({ id: 'payInvoice', method: 'POST', path: '/invoices/{id}/pay', summary: 'Record the payment of an open invoice', tag: 'Invoices', access: 'staff', scope: 'write', params: IdParamsSchema, body: InvoicePaySchema, response: InvoiceSchema, status: 200, resource: 'invoice' }),
  void: defineRoute({ id: 'voidInvoice', method: 'POST', path: '/invoices/{id}/void', summary: 'Void an open invoice (a paid one cannot be voided)', tag: 'Invoices', access: 'staff', scope: 'write', params: IdParamsSchema, body: InvoiceVoidSchema, response: InvoiceSchema, status: 200, resource: 'invoice' }),
  pdf: defineRoute({ id: 'getInvoicePdf', method: 'GET', path: '/invoices/{id}/pdf', summary: 'The invoice as a PDF', tag: 'Invoices', access: 'user', scope: 'read', params: IdParamsSchema, response: null, file: { contentType: 'application/pdf' }, status: 200, resource: 'invoice' }),
};
