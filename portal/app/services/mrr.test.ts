import { monthlyCents, mrrAt, mrrTrend, type MrrClient } from './mrr';

const at = (iso: string) => new Date(iso);
const client = (overrides: Partial<MrrClient> = {}): MrrClient => ({
  status: 'active',
  monthlyFee: '1000.00',
  billingCycle: 'monthly',
  currency: 'EUR',
  createdAt: at('2026-01-10T00:00:00Z'),
  churnedAt: null,
  ...overrides,
});

describe('MRR', () => {
  it('counts a yearly fee as a twelfth, rounded to the cent', () => {
    expect(monthlyCents({ monthlyFee: '18000.00', billingCycle: 'yearly' })).toBe(150_000);
    expect(monthlyCents({ monthlyFee: '1000.00', billingCycle: 'yearly' })).toBe(8_333);
    expect(monthlyCents({ monthlyFee: '490.00', billingCycle: 'monthly' })).toBe(49_000);
  });

  it('adds up active clients only, per currency, never across currencies', () => {
    const clients = [
      client({ monthlyFee: '1490.00' }),
      client({ monthlyFee: '18000.00', billingCycle: 'yearly' }),
      client({ monthlyFee: '390.00', status: 'paused' }),
      client({ monthlyFee: '390.00', status: 'churned', churnedAt: at('2026-10-01T00:00:00Z') }),
      client({ monthlyFee: '800.00', currency: 'USD' }),
    ];
    expect(mrrAt({ clients, at: at('2026-11-20T12:00:00Z') })).toEqual([
      { currency: 'EUR', amount: '2990.00' },
      { currency: 'USD', amount: '800.00' },
    ]);
  });

  it('follows clients in and out over the months: created, churned, paused', () => {
    const clients = [
      client({ monthlyFee: '100.00', createdAt: at('2026-03-15T00:00:00Z') }),
      client({ monthlyFee: '200.00', status: 'churned', createdAt: at('2026-01-01T00:00:00Z'), churnedAt: at('2026-06-10T00:00:00Z') }),
      client({ monthlyFee: '400.00', status: 'paused', createdAt: at('2026-01-01T00:00:00Z') }),
      // churned, but nobody knows when: it counts nowhere rather than everywhere
      client({ monthlyFee: '800.00', status: 'churned', churnedAt: null }),
    ];
    const trend = mrrTrend({ clients, now: at('2026-08-20T12:00:00Z'), months: 8 });
    expect(trend.map((p) => [p.month, p.amounts[0]?.amount ?? '0.00'])).toEqual([
      ['2026-01', '200.00'],
      ['2026-02', '200.00'],
      ['2026-03', '300.00'],
      ['2026-04', '300.00'],
      ['2026-05', '300.00'],
      ['2026-06', '100.00'],
      ['2026-07', '100.00'],
      ['2026-08', '100.00'],
    ]);
    expect(trend.at(-1)!.at).toBe('2026-08-20T12:00:00.000Z');
    expect(trend[0]!.at).toBe('2026-01-31T23:59:59.999Z');
  });

  it('ends the trend with the MRR of now', () => {
    const clients = [client(), client({ monthlyFee: '250.00', createdAt: at('2026-11-19T00:00:00Z') })];
    const now = at('2026-11-20T00:00:00Z');
    const trend = mrrTrend({ clients, now });
    expect(trend).toHaveLength(12);
    expect(trend.at(-1)!.amounts).toEqual(mrrAt({ clients, at: now }));
    expect(trend.at(-2)!.amounts).toEqual([{ currency: 'EUR', amount: '1000.00' }]);
  });
});
