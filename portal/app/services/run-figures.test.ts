import { fillSeries, summarizeFigures } from './run-figures';

const day = (d: string, total: number, success: number, error: number, sumDurationMs = 0, minutesSaved = 0) => ({ day: d, total, success, error, sumDurationMs, minutesSaved });

describe('summarizeFigures', () => {
  it('rates success over finished runs only and averages duration over all counted runs', () => {
    const figures = summarizeFigures([day('2026-05-01', 10, 6, 2, 10_000, 12.5), day('2026-05-02', 5, 4, 0, 5_000, 8.25)]);
    // 2 of the 15 runs were canceled or still running: not failures
    expect(figures).toEqual({ total: 15, success: 10, error: 2, successRate: 10 / 12, avgDurationMs: 1000, minutesSaved: 20.75 });
  });

  it('has no rate and no average without runs', () => {
    expect(summarizeFigures([])).toEqual({ total: 0, success: 0, error: 0, successRate: null, avgDurationMs: null, minutesSaved: 0 });
  });

  it('keeps minutes at two decimals when many fractional days add up', () => {
    const days = Array.from({ length: 30 }, (_, i) => day(`2026-05-${String(i + 1).padStart(2, '0')}`, 1, 1, 0, 0, 0.1));
    expect(summarizeFigures(days).minutesSaved).toBe(3);
  });
});

describe('fillSeries', () => {
  it('lists every day of the period in order, with zeros for days without runs', () => {
    const series = fillSeries({ rows: [day('2026-05-03', 4, 3, 1, 0, 6)], days: ['2026-05-01', '2026-05-02', '2026-05-03'] });
    expect(series).toEqual([
      { day: '2026-05-01', total: 0, success: 0, error: 0, minutesSaved: 0 },
      { day: '2026-05-02', total: 0, success: 0, error: 0, minutesSaved: 0 },
      { day: '2026-05-03', total: 4, success: 3, error: 1, minutesSaved: 6 },
    ]);
  });
});
