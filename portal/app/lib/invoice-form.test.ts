import { InvoiceCreateSchema } from '@monoliet/contract';
import { invoiceInputFrom, lineRowsFrom } from './invoice-form';

describe('invoice form', () => {
  it('drops empty spare rows and keeps the lines in their order', () => {
    const values = { 'lines.0.description': 'Setup', 'lines.0.unitAmount': '2500.00', 'lines.2.description': 'Extra', 'lines.2.quantity': '3', 'lines.2.unitAmount': '90' };
    expect(lineRowsFrom(values)).toEqual([
      { description: 'Setup', quantity: '', unitAmount: '2500.00' },
      { description: 'Extra', quantity: '3', unitAmount: '90' },
    ]);
  });

  it('makes a valid create input: quantity 1 by default, a decimal comma accepted', () => {
    const input = InvoiceCreateSchema.parse(invoiceInputFrom({ clientId: '7f1b6a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b', type: 'additional', 'lines.0.description': 'Workshop', 'lines.0.quantity': '1,5', 'lines.0.unitAmount': '800.00', currency: 'eur' }));
    expect(input.lines).toEqual([{ description: 'Workshop', quantity: 1.5, unitAmount: '800.00' }]);
    expect(input.currency).toBe('EUR');
  });

  it('leaves a monthly invoice without lines to the plan, and names a bad line field', () => {
    expect(invoiceInputFrom({ clientId: 'x', type: 'monthly' }).lines).toBeUndefined();
    const result = InvoiceCreateSchema.safeParse(invoiceInputFrom({ clientId: '7f1b6a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b', type: 'setup', 'lines.0.description': 'Setup', 'lines.0.quantity': 'two', 'lines.0.unitAmount': '10' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['lines', 0, 'quantity']);
  });
});
