import type { InvoiceDto } from '@monoliet/contract';
import { readPdfText } from '../../../test/helpers/pdf-text';
import { formatMoney } from '../money';
import { renderInvoicePdf, type InvoicePdfData } from './render.server';

const agency = { name: 'Monoliet Automation', supportEmail: 'billing@monoliet.example', brandColor: '#4f46e5' };
const billTo = { companyName: 'Łódź Logistics Sp. z o.o.', contactName: 'Agnieszka Nowak', email: 'accounts@lodz-logistics.example' };

function invoiceWith(overrides: Partial<InvoiceDto> = {}): InvoiceDto {
  return {
    id: '7f1e5d0c-3c1e-4a55-9a51-0c4b4f1c2d01',
    number: 'INV-2026-0042',
    clientId: '7f1e5d0c-3c1e-4a55-9a51-0c4b4f1c2d02',
    clientName: billTo.companyName,
    type: 'monthly',
    status: 'pending',
    isOverdue: false,
    currency: 'EUR',
    total: '1822.50',
    amountDue: '1822.50',
    issueDate: '2026-11-02',
    dueDate: '2026-11-16',
    paidAt: null,
    paymentMethod: null,
    voidedAt: null,
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    lines: [
      { description: 'Growth plan — monthly fee', quantity: 1, unitAmount: '1490.00', amount: '1490.00' },
      { description: 'Extra hours: Shopify → Xero sync', quantity: 3.5, unitAmount: '95.00', amount: '332.50' },
    ],
    notes: 'Reverse charge: VAT to be accounted for by the recipient.',
    ...overrides,
  };
}

async function textOf(data: InvoicePdfData) {
  const pdf = await renderInvoicePdf(data);
  expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  return readPdfText(pdf);
}

describe('the invoice PDF', () => {
  it('carries the agency, number, dates, client, lines, total with its currency and the payment terms', async () => {
    const { text, pages } = await textOf({ agency, billTo, invoice: invoiceWith() });
    expect(pages).toBe(1);
    for (const expected of [
      'Monoliet Automation',
      'billing@monoliet.example',
      'INV-2026-0042',
      '2 Nov 2026',
      '16 Nov 2026',
      'Łódź Logistics Sp. z o.o.',
      'Agnieszka Nowak',
      'accounts@lodz-logistics.example',
      'Growth plan — monthly fee',
      '€1,490.00',
      '€332.50',
      'Total (EUR)',
      '€1,822.50',
      'PAYMENT DUE',
      'Payment terms: 14 days net',
      'Reverse charge',
    ]) {
      expect(text).toContain(expected);
    }
    // Open Sans has no arrow: an ASCII stand-in instead of an empty box
    expect(text).toContain('Shopify -> Xero');
  });

  it('marks a paid invoice as paid, with the date and method and nothing left to pay', async () => {
    const invoice = invoiceWith({ status: 'paid', amountDue: '0.00', paidAt: '2026-11-10T12:00:00.000Z', paymentMethod: 'bank_transfer' });
    const { text } = await textOf({ agency, billTo, invoice });
    expect(text).toContain('PAID');
    expect(text).toContain('€1,822.50 paid on 10 Nov 2026');
    expect(text).toContain('Bank transfer');
    expect(text).toMatch(/Amount due €0\.00/);
    expect(text).not.toContain('PAYMENT DUE');
  });

  it('marks a void invoice as void and not payable', async () => {
    const { text } = await textOf({ agency, billTo, invoice: invoiceWith({ status: 'void', amountDue: '0.00', voidedAt: '2026-11-05T09:00:00.000Z' }) });
    expect(text).toContain('VOID');
    expect(text).toContain('voided and is not payable');
  });

  it('shows a pending invoice past its due date as overdue', async () => {
    const { text } = await textOf({ agency, billTo, invoice: invoiceWith({ isOverdue: true }) });
    expect(text).toContain('OVERDUE');
    expect(text).toContain('was due on 16 Nov 2026');
  });

  it('writes the currency code where the font has no symbol for it', async () => {
    const { text } = await textOf({ agency, billTo, invoice: invoiceWith({ currency: 'INR' }) });
    expect(text).toContain('INR 1,822.50');
    expect(formatMoney({ amount: '1822.50', currency: 'INR' })).toBe('₹1,822.50');
  });

  it('continues a long invoice on further pages, numbering them', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ description: `Workflow run bundle ${i + 1}`, quantity: 1, unitAmount: '10.00', amount: '10.00' }));
    const { text, pages } = await textOf({ agency, billTo, invoice: invoiceWith({ lines, total: '600.00', amountDue: '600.00' }) });
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Workflow run bundle 60');
    expect(text).toContain('€600.00');
  });
});
