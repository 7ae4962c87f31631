import { backoffDelay, retryAfterMs } from './request.server';

describe('backoffDelay', () => {
  it('doubles per attempt, with jitter between half and all of it, up to the cap', () => {
    const retry = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay({ attempt, retry, random: () => 0 }))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay({ attempt, retry, random: () => 1 }))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and caps what it waits for', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Fri, 01 May 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('3600', now)).toBe(60_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
