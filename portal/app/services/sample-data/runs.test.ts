import { SAMPLE_WORKFLOWS } from './catalog';
import { generateRuns } from './runs';

describe('generateRuns', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const runs = generateRuns({ workflows: SAMPLE_WORKFLOWS, days: 90, now });

  it('is the same for the same seed', () => {
    const again = generateRuns({ workflows: SAMPLE_WORKFLOWS, days: 90, now });
    expect(again.length).toBe(runs.length);
    expect(again[100]).toEqual(runs[100]);
  });

  it('spans 90 days, sorted, with every workflow running', () => {
    expect(runs[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 90 * 86_400_000);
    expect(runs.every((r, i) => i === 0 || r.startedAt >= runs[i - 1]!.startedAt)).toBe(true);
    expect(new Set(runs.map((r) => r.workflowIndex)).size).toBe(SAMPLE_WORKFLOWS.length);
  });

  it('has failures with real-looking messages and the workflow failing now mostly fails lately', () => {
    const failures = runs.filter((r) => r.status === 'error');
    expect(failures.length).toBeGreaterThan(100);
    expect(failures.every((r) => r.errorMessage && r.errorNode)).toBe(true);
    const failing = SAMPLE_WORKFLOWS.findIndex((w) => w.failingNow);
    const recent = runs.filter((r) => r.workflowIndex === failing && now.getTime() - r.startedAt.getTime() < 3 * 3_600_000 && r.status !== 'running');
    expect(recent.filter((r) => r.status === 'error').length / recent.length).toBeGreaterThan(0.5);
  });
});
