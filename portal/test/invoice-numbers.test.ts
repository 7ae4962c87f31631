import { Invoice, getDb } from '~/models/index.server';
import { createInvoice } from '~/services/invoices.server';
import { buildClient } from './factories';

const line = { description: 'Monthly retainer', quantity: 1, unitAmount: '1490.00' };

describe('invoice numbers', () => {
  it('gives 20 parallel creators unique, gap-free numbers', async () => {
    const client = await buildClient();
    const invoices = await Promise.all(
      Array.from({ length: 20 }, () => createInvoice({ clientId: client.id, type: 'monthly', lines: [line], issueDate: '2031-03-01' })),
    );
    const numbers = invoices.map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-2031-${String(i + 1).padStart(4, '0')}`));
  });

  it('gives a rolled-back invoice number back, so there is no gap', async () => {
    const client = await buildClient();
    await createInvoice({ clientId: client.id, type: 'setup', lines: [line], issueDate: '2032-01-10' });
    await expect(
      getDb().transaction(async (t) => {
        await createInvoice({ clientId: client.id, type: 'monthly', lines: [line], issueDate: '2032-02-01' }, t);
        throw new Error('payment provider said no');
      }),
    ).rejects.toThrow('payment provider said no');
    const next = await createInvoice({ clientId: client.id, type: 'monthly', lines: [line], issueDate: '2032-02-01' });
    expect(next.number).toBe('INV-2032-0002');
  });

  it('keeps counting past 9999 in a year and restarts in the next year', async () => {
    const client = await buildClient();
    await getDb().query("INSERT INTO invoice_number_counters (year, last_number) VALUES (2033, 9998)");
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await createInvoice({ clientId: client.id, type: 'additional', lines: [line], issueDate: '2033-12-30' })).number);
    expect(numbers).toEqual(['INV-2033-9999', 'INV-2033-10000', 'INV-2033-10001']);
    expect((await createInvoice({ clientId: client.id, type: 'monthly', lines: [line], issueDate: '2034-01-01' })).number).toBe('INV-2034-0001');
    const ordered = await Invoice.findAll({ where: { numberYear: 2033 }, order: [['numberSeq', 'ASC']] });
    expect(ordered.map((i) => i.number)).toEqual(numbers);
  });

  it('computes the total from the lines in cents and defaults the due date from the payment terms', async () => {
    const client = await buildClient({ currency: 'USD' });
    const invoice = await createInvoice({
      clientId: client.id,
      type: 'additional',
      issueDate: '2035-05-01',
      lines: [
        { description: 'Extra hours', quantity: 3.5, unitAmount: '95.00' },
        { description: 'Zapier migration', quantity: 1, unitAmount: '0.10' },
        { description: 'Discount', quantity: 1, unitAmount: '-0.05' },
      ],
    });
    expect(invoice.amount).toBe('332.55');
    expect(invoice.currency).toBe('USD');
    expect(invoice.dueDate).toBe('2035-05-15');
    expect(invoice.lines.map((l) => l.amount)).toEqual(['332.50', '0.10', '-0.05']);
  });
});
