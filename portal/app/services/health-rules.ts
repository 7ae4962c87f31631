// The health checks as pure rules over per-workflow statistics (DESIGN.md section 7, issue "Workflow health").

export type HealthKind = 'stuck' | 'missed' | 'failure_rate' | 'no_runs';
export const HEALTH_KINDS: HealthKind[] = ['stuck', 'missed', 'failure_rate', 'no_runs'];

export type WorkflowHealthStats = {
  workflowId: string;
  /** active (published) in n8n */
  active: boolean;
  expectedIntervalMinutes: number | null;
  createdAt: Date;
  /** the latest counted run's start, if any */
  lastRunAt: Date | null;
  /** finished counted runs (success, error, crashed) in the window, and how many succeeded */
  finished: number;
  succeeded: number;
  /** runs still "running" after the stuck limit */
  stuckCount: number;
  stuckIds: string[];
  stuckSince: Date | null;
};

export type HealthSettings = {
  healthSuccessRateThreshold: number;
  healthWindowHours: number;
  healthMinRuns: number;
  healthStuckMinutes: number;
  healthNoRunsDays: number;
};

export type HealthFinding = { workflowId: string; kind: HealthKind; message: string; details: Record<string, unknown> };

/** A missed schedule is no run within 1.5 times the expected interval. */
export const MISSED_FACTOR = 1.5;

export function findHealthProblems({ stats, settings, now }: { stats: WorkflowHealthStats; settings: HealthSettings; now: Date }): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const add = (kind: HealthKind, message: string, details: Record<string, unknown>) => findings.push({ workflowId: stats.workflowId, kind, message, details });

  if (stats.finished >= settings.healthMinRuns && stats.succeeded * 100 < settings.healthSuccessRateThreshold * stats.finished) {
    const rate = Math.round((stats.succeeded / stats.finished) * 1000) / 10;
    add('failure_rate', `Success rate ${rate}% over the last ${settings.healthWindowHours} h (${stats.succeeded} of ${stats.finished} runs); the threshold is ${settings.healthSuccessRateThreshold}%`, {
      successRate: rate,
      succeeded: stats.succeeded,
      finished: stats.finished,
      windowHours: settings.healthWindowHours,
    });
  }
  if (stats.stuckCount > 0) {
    add('stuck', `${stats.stuckCount} run${stats.stuckCount === 1 ? ' has' : 's have'} been running for more than ${formatMinutes(settings.healthStuckMinutes)} (since ${stats.stuckSince?.toISOString()})`, {
      executionIds: stats.stuckIds,
      since: stats.stuckSince?.toISOString() ?? null,
    });
  }
  if (!stats.active) return findings;
  const since = stats.lastRunAt ?? stats.createdAt;
  const quietMinutes = (now.getTime() - since.getTime()) / 60_000;
  if (stats.expectedIntervalMinutes && quietMinutes > MISSED_FACTOR * stats.expectedIntervalMinutes) {
    add('missed', `${stats.lastRunAt ? `No run for ${formatMinutes(quietMinutes)}` : 'No run yet'}; expected every ${formatMinutes(stats.expectedIntervalMinutes)}`, {
      lastRunAt: stats.lastRunAt?.toISOString() ?? null,
      expectedIntervalMinutes: stats.expectedIntervalMinutes,
    });
  }
  if (quietMinutes >= settings.healthNoRunsDays * 24 * 60) {
    add('no_runs', `No runs for ${Math.floor(quietMinutes / 1440)} days${stats.lastRunAt ? '' : ' (never ran)'}`, { lastRunAt: stats.lastRunAt?.toISOString() ?? null, days: settings.healthNoRunsDays });
  }
  return findings;
}

export function formatMinutes(minutes: number): string {
  const whole = Math.floor(minutes);
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  if (hours < 48) return whole % 60 ? `${hours} h ${whole % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
