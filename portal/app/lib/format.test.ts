import { describeWorkingDays, formatDate, formatDateTime, formatDuration, formatHours, formatPercent, formatShortDay } from './format';

describe('format', () => {
  it('shows durations the way people read them', () => {
    expect(formatDuration(350)).toBe('350 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows dates in UTC so server and browser agree', () => {
    expect(formatDateTime('2026-05-01T23:30:00-02:00')).toBe('2 May 2026, 01:30 UTC');
    expect(formatDate('2026-05-01')).toBe('1 May 2026');
  });

  it('shows ratios as percentages, and nothing for no data', () => {
    expect(formatPercent(0.9512)).toBe('95.1%');
    expect(formatPercent(null)).toBe('—');
  });

  it('shows time saved in hours, with a decimal only when it matters', () => {
    expect(formatHours(0)).toBe('0 h');
    expect(formatHours(45)).toBe('0.8 h');
    expect(formatHours(12_345)).toBe('206 h');
    expect(formatHours(90_000)).toBe('1,500 h');
  });

  it('says how many working days the time saved is, once it is at least one', () => {
    expect(describeWorkingDays(27_420)).toBe('about 57 working days');
    expect(describeWorkingDays(480)).toBe('about 1 working day');
    expect(describeWorkingDays(200)).toBeNull();
  });

  it('shows chart days short, in UTC', () => {
    expect(formatShortDay('2026-05-01')).toBe('1 May');
  });
});
