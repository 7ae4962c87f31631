import type { SettingsDto, SettingsUpdate } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb, PortalSettings } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { applySchedules } from './job-schedules.server';
import { rebuildAllRollups } from './rollups.server';
import { SETTING_FIELDS, toSettingsDto } from './settings.server';

type Change = { from: unknown; to: unknown };

const SCHEDULE_FIELDS = ['reconcileCron', 'remindersCron', 'healthCron'] as const;

/**
 * Changes some settings in one transaction and audits each changed value. Changing whether manual runs
 * count rebuilds every daily rollup in the same transaction, so the statistics never mix both rules.
 * A changed schedule is applied to pg-boss once the change is committed (never for a rolled-back one).
 */
export async function updateSettings({ caller, input }: { caller: Caller; input: SettingsUpdate }): Promise<SettingsDto> {
  assertStaff(caller);
  let changedSchedule = false;
  const settings = await getDb().transaction(async (transaction) => {
    const current = await PortalSettings.findByPk(1, { transaction, lock: transaction.LOCK.UPDATE });
    if (!current) throw new Error('portal_settings row is missing; run the migrations');
    const changes: Record<string, Change> = {};
    for (const field of SETTING_FIELDS) {
      const next = input[field];
      if (next !== undefined && JSON.stringify(next) !== JSON.stringify(current[field])) changes[field] = { from: current[field], to: next };
    }
    if (Object.keys(changes).length === 0) return current;
    changedSchedule = SCHEDULE_FIELDS.some((field) => changes[field]);
    await current.update(Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to])), { transaction });
    if (changes.countManualRuns) await rebuildAllRollups(transaction);
    await recordAudit({ actor: actorOf(caller), action: 'settings.update', target: { type: 'settings', id: '1' }, metadata: { changes } }, transaction);
    return current;
  });
  // applySchedules logs a queue that refuses its cron and keeps that queue's previous schedule
  if (changedSchedule) await applySchedules();
  return toSettingsDto(settings);
}
