import { formatMoney, fromCents, lineTotalCents, toCents } from './money';

describe('money', () => {
  it('adds amounts in cents without float drift', () => {
    expect(fromCents(toCents('0.10') + toCents('0.20'))).toBe('0.30');
    expect(toCents('1250')).toBe(125000);
    expect(toCents('19.9')).toBe(1990);
  });

  it('refuses text that is not an amount', () => {
    expect(() => toCents('12,50')).toThrow(RangeError);
    expect(() => toCents('1.234')).toThrow(RangeError);
  });

  it('rounds a fractional quantity to the cent', () => {
    expect(lineTotalCents({ quantity: 1.5, unitAmount: '33.33' })).toBe(5000);
    expect(lineTotalCents({ quantity: 3, unitAmount: '19.99' })).toBe(5997);
  });

  it('formats with the currency symbol', () => {
    expect(formatMoney({ amount: '1234.5', currency: 'EUR' })).toBe('€1,234.50');
  });
});
