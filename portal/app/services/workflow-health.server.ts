import { QueryTypes } from 'sequelize';
import { Alert, getDb, Workflow, type PortalSettings } from '~/models/index.server';
import { enqueueAlertChecks } from './alert-checks.server';
import { openAlert, resolveAlert } from './alerts.server';
import { findHealthProblems, HEALTH_KINDS, type WorkflowHealthStats } from './health-rules';
import { getSettings } from './settings.server';
import { notifyWorkflowFailing, notifyWorkflowRecovered, queueHealthDigest, type HealthChange } from './workflow-notifications.server';

const STATS_SQL = `
SELECT w.id, w.active, w.expected_interval_minutes, w.created_at, last.started_at AS last_run_at,
       coalesce(recent.finished, 0)::int AS finished, coalesce(recent.succeeded, 0)::int AS succeeded,
       coalesce(stuck.count, 0)::int AS stuck_count, coalesce(stuck.ids, '{}') AS stuck_ids, stuck.since AS stuck_since
FROM workflows w
LEFT JOIN LATERAL (
  SELECT r.started_at FROM execution_runs r WHERE r.workflow_id = w.id AND (r.mode <> 'manual' OR $2) ORDER BY r.started_at DESC LIMIT 1
) last ON true
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE r.status IN ('success', 'error', 'crashed')) AS finished, count(*) FILTER (WHERE r.status = 'success') AS succeeded
  FROM execution_runs r WHERE r.workflow_id = w.id AND r.started_at >= $1 AND (r.mode <> 'manual' OR $2)
) recent ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS count, (array_agg(r.n8n_execution_id ORDER BY r.started_at))[1:10] AS ids, min(r.started_at) AS since
  FROM execution_runs r WHERE r.workflow_id = w.id AND r.status = 'running' AND r.started_at < $3
) stuck ON true
WHERE w.archived_at IS NULL`;

type StatsRow = { id: string; active: boolean; expected_interval_minutes: number | null; created_at: Date; last_run_at: Date | null; finished: number; succeeded: number; stuck_count: number; stuck_ids: string[]; stuck_since: Date | null };

async function loadStats({ settings, now }: { settings: PortalSettings; now: Date }): Promise<WorkflowHealthStats[]> {
  const windowStart = new Date(now.getTime() - settings.healthWindowHours * 3_600_000);
  const stuckBefore = new Date(now.getTime() - settings.healthStuckMinutes * 60_000);
  const rows = await getDb().query<StatsRow>(STATS_SQL, { bind: [windowStart, settings.countManualRuns, stuckBefore], type: QueryTypes.SELECT });
  return rows.map((row) => ({
    workflowId: row.id,
    active: row.active,
    expectedIntervalMinutes: row.expected_interval_minutes,
    createdAt: row.created_at,
    lastRunAt: row.last_run_at,
    finished: row.finished,
    succeeded: row.succeeded,
    stuckCount: row.stuck_count,
    stuckIds: row.stuck_ids,
    stuckSince: row.stuck_since,
  }));
}

export type HealthCheckResult = { opened: number; resolved: number; open: number };

/**
 * The `workflow-health` job and `check-workflow-health`: opens an alert per workflow and cause found
 * (at most one stays open), resolves the ones no longer found, fires workflow.failing/recovered for each
 * change and mails staff one digest of what changed. Re-running it changes and sends nothing new.
 */
export async function checkWorkflowHealth({ now = new Date() }: { now?: Date } = {}): Promise<HealthCheckResult> {
  const settings = await getSettings();
  // sorted, so that two checks running at once take the alerts' locks in the same order
  const findings = (await loadStats({ settings, now }))
    .flatMap((stats) => findHealthProblems({ stats, settings, now }))
    .sort((a, b) => `${a.workflowId}|${a.kind}`.localeCompare(`${b.workflowId}|${b.kind}`));
  const result = await getDb().transaction(async (transaction) => {
    const opened: Alert[] = [];
    const resolved: Alert[] = [];
    const found = new Set(findings.map((f) => `${f.workflowId}|${f.kind}`));
    for (const finding of findings) {
      const { alert, opened: isNew } = await openAlert(finding, transaction);
      if (isNew) opened.push(alert);
    }
    const open = await Alert.findAll({ where: { kind: HEALTH_KINDS, resolvedAt: null }, order: [['workflowId', 'ASC'], ['kind', 'ASC']], transaction });
    for (const alert of open.filter((a) => !found.has(`${a.workflowId}|${a.kind}`))) {
      if (await resolveAlert({ alert }, transaction)) resolved.push(alert);
    }
    const changes = await withWorkflows([...opened, ...resolved]);
    const opens = changes.filter((c) => opened.includes(c.alert));
    const resolves = changes.filter((c) => resolved.includes(c.alert));
    for (const change of opens) await notifyWorkflowFailing(change, transaction);
    for (const change of resolves) await notifyWorkflowRecovered({ ...change, withEmail: false }, transaction);
    const stillOpen = await Alert.count({ where: { kind: HEALTH_KINDS, resolvedAt: null }, transaction });
    await queueHealthDigest({ opened: opens, resolved: resolves, stillOpen }, transaction);
    return { opened: opened.length, resolved: resolved.length, open: stillOpen };
  });
  await recheckErrorAlerts({ now });
  return result;

  async function withWorkflows(alerts: Alert[]): Promise<HealthChange[]> {
    const workflows = await Workflow.findAll({ where: { id: alerts.map((a) => a.workflowId) }, include: [{ association: 'client', attributes: ['companyName'] }] });
    const byId = new Map(workflows.map((w) => [w.id, w]));
    return alerts.filter((a) => byId.has(a.workflowId)).map((alert) => ({ alert, workflow: byId.get(alert.workflowId)! }));
  }
}

/**
 * A safety net under the ingest trigger: error alerts of workflows with recent runs or an open error
 * alert are evaluated again.
 */
async function recheckErrorAlerts({ now }: { now: Date }) {
  const since = new Date(now.getTime() - 60 * 60_000);
  const recent = await getDb().query<{ workflow_id: string }>(
    `SELECT DISTINCT workflow_id FROM execution_runs WHERE started_at >= $1
     UNION SELECT workflow_id FROM alerts WHERE kind = 'error' AND resolved_at IS NULL`,
    { bind: [since], type: QueryTypes.SELECT },
  );
  if (recent.length === 0) return;
  await getDb().transaction((transaction) => enqueueAlertChecks({ workflowIds: recent.map((r) => r.workflow_id), transaction }));
}

