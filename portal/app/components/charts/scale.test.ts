import { compactNumber, labelIndexes, niceCeiling, shortDay, shortMonth } from './scale';

describe('chart scale', () => {
  it('rounds the axis top up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 180, 201, 1490, 5000, 5001].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 200, 500, 2000, 5000, 10000]);
    expect(niceCeiling(0.3)).toBe(0.5);
  });

  it('labels every point of a short series and about the wanted number of a long one, ending with the last', () => {
    expect([...labelIndexes({ count: 7, wanted: 7 })].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const shown = [...labelIndexes({ count: 30, wanted: 6 })].sort((a, b) => a - b);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBe(29);
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown.length).toBeLessThanOrEqual(7);
  });
});

describe('axis labels', () => {
  it('formats months, days and compact numbers the same on server and browser', () => {
    expect(shortMonth('2026-09-30T23:59:59.999Z')).toBe('Sep');
    expect(shortDay('2026-11-05')).toBe('5 Nov');
    expect([0, 950, 1500, 10_000, 2_500_000].map(compactNumber)).toEqual(['0', '950', '1.5k', '10k', '2.5M']);
  });
});
