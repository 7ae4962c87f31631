import { ApiError } from '~/lib/errors.server';
import { priceLines } from './invoice-lines';

describe('pricing invoice lines', () => {
  it('prices each line to the cent and adds them up without float drift', () => {
    const { lines, totalCents } = priceLines([
      { description: 'Hours', quantity: 1.5, unitAmount: '33.33' },
      { description: 'Tiny', quantity: 3, unitAmount: '0.10' },
      { description: 'Discount', quantity: 1, unitAmount: '-0.20' },
    ]);
    expect(lines.map((l) => l.amount)).toEqual(['50.00', '0.30', '-0.20']);
    expect(totalCents).toBe(5010);
  });

  it('refuses no lines, a negative total and a total the database cannot hold', () => {
    expect(() => priceLines([])).toThrow(ApiError);
    expect(() => priceLines([{ description: 'Refund', quantity: 1, unitAmount: '-1.00' }])).toThrow('cannot be negative');
    expect(() => priceLines([{ description: 'Huge', quantity: 2, unitAmount: '9999999999.00' }])).toThrow('too large');
  });
});
