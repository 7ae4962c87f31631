import { parseDayFlag, parseSinceFlag } from './flags';

describe('flag parsing', () => {
  it('reads --since as an ISO date or time and names the flag when it is not one', () => {
    expect(parseSinceFlag('2026-05-01')).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(parseSinceFlag('2026-05-01T08:30:00+02:00')).toEqual(new Date('2026-05-01T06:30:00Z'));
    expect(parseSinceFlag(undefined)).toBeUndefined();
    expect(() => parseSinceFlag('yesterday')).toThrow('--since must be an ISO date or time');
    expect(() => parseSinceFlag('2026-13-45')).toThrow('--since');
  });

  it('reads --date as a real calendar day', () => {
    expect(parseDayFlag('2026-02-28')).toBe('2026-02-28');
    expect(() => parseDayFlag('2026-02-30')).toThrow('--date must be a day like 2026-05-01');
    expect(() => parseDayFlag('tomorrow')).toThrow('--date');
  });
});
