import { findHealthProblems, type HealthSettings, type WorkflowHealthStats } from './health-rules';

const settings: HealthSettings = { healthSuccessRateThreshold: 80, healthWindowHours: 24, healthMinRuns: 5, healthStuckMinutes: 60, healthNoRunsDays: 7 };
const now = new Date('2026-05-10T12:00:00Z');
const healthy: WorkflowHealthStats = {
  workflowId: 'w1',
  active: true,
  expectedIntervalMinutes: 60,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  lastRunAt: new Date('2026-05-10T11:30:00Z'),
  finished: 24,
  succeeded: 24,
  stuckCount: 0,
  stuckIds: [],
  stuckSince: null,
};
const kinds = (stats: Partial<WorkflowHealthStats>) => findHealthProblems({ stats: { ...healthy, ...stats }, settings, now }).map((f) => f.kind);

describe('health rules', () => {
  it('finds nothing wrong with a healthy workflow', () => {
    expect(kinds({})).toEqual([]);
  });

  it('flags a success rate below the threshold, only with enough runs', () => {
    expect(kinds({ finished: 10, succeeded: 7 })).toEqual(['failure_rate']);
    expect(kinds({ finished: 10, succeeded: 8 })).toEqual([]);
    expect(kinds({ finished: 4, succeeded: 0 })).toEqual([]);
    expect(findHealthProblems({ stats: { ...healthy, finished: 10, succeeded: 7 }, settings, now })[0]!.message).toBe('Success rate 70% over the last 24 h (7 of 10 runs); the threshold is 80%');
  });

  it('flags runs stuck in running', () => {
    expect(kinds({ stuckCount: 2, stuckIds: ['5', '6'], stuckSince: new Date('2026-05-10T09:00:00Z') })).toEqual(['stuck']);
  });

  it('flags a missed schedule after 1.5 times the expected interval', () => {
    expect(kinds({ lastRunAt: new Date('2026-05-10T10:31:00Z') })).toEqual([]);
    expect(kinds({ lastRunAt: new Date('2026-05-10T10:29:00Z') })).toEqual(['missed']);
    expect(kinds({ lastRunAt: new Date('2026-05-10T10:29:00Z'), expectedIntervalMinutes: null })).toEqual([]);
  });

  it('flags no runs for N days, also for a workflow that never ran', () => {
    expect(kinds({ lastRunAt: new Date('2026-05-03T12:00:00Z'), expectedIntervalMinutes: null })).toEqual(['no_runs']);
    expect(kinds({ lastRunAt: null, createdAt: new Date('2026-04-01T00:00:00Z') })).toEqual(['missed', 'no_runs']);
    expect(kinds({ lastRunAt: null, createdAt: new Date('2026-05-10T11:50:00Z') })).toEqual([]);
  });

  it('does not expect runs from a workflow that is off in n8n', () => {
    expect(kinds({ active: false, lastRunAt: new Date('2026-04-01T00:00:00Z') })).toEqual([]);
  });
});
