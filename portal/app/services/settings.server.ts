import type { SettingsDto, SettingsUpdate } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb, PortalSettings } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { rebuildAllRollups } from './rollups.server';

/** The portal_settings singleton (the first migration creates its row). */
export async function getSettings(transaction?: Transaction): Promise<PortalSettings> {
  const settings = await PortalSettings.findByPk(1, { transaction });
  if (!settings) throw new Error('portal_settings row is missing; run the migrations');
  return settings;
}

const SETTING_FIELDS = [
  'companyName',
  'supportEmail',
  'alertRecipients',
  'brandColor',
  'logoUrl',
  'invoicePrefix',
  'paymentTermsDays',
  'reminderDaysBefore',
  'reminderRepeatDays',
  'alertThrottleMinutes',
  'reconcileCron',
  'remindersCron',
  'healthCron',
  'healthSuccessRateThreshold',
  'healthWindowHours',
  'healthMinRuns',
  'healthStuckMinutes',
  'healthNoRunsDays',
  'countManualRuns',
] as const satisfies readonly (keyof SettingsUpdate & keyof PortalSettings)[];

export function toSettingsDto(settings: PortalSettings): SettingsDto {
  const fields = Object.fromEntries(SETTING_FIELDS.map((field) => [field, settings[field]])) as Omit<SettingsDto, 'updatedAt'>;
  return { ...fields, updatedAt: settings.updatedAt.toISOString() };
}

export async function getSettingsDto(caller: Caller): Promise<SettingsDto> {
  assertStaff(caller);
  return toSettingsDto(await getSettings());
}

type Change = { from: unknown; to: unknown };

/**
 * Changes some settings in one transaction and audits each changed value. Changing whether manual runs
 * count rebuilds every daily rollup in the same transaction, so the statistics never mix both rules.
 */
export async function updateSettings({ caller, input }: { caller: Caller; input: SettingsUpdate }): Promise<SettingsDto> {
  assertStaff(caller);
  const settings = await getDb().transaction(async (transaction) => {
    const current = await PortalSettings.findByPk(1, { transaction, lock: transaction.LOCK.UPDATE });
    if (!current) throw new Error('portal_settings row is missing; run the migrations');
    const changes: Record<string, Change> = {};
    for (const field of SETTING_FIELDS) {
      const next = input[field];
      if (next !== undefined && JSON.stringify(next) !== JSON.stringify(current[field])) changes[field] = { from: current[field], to: next };
    }
    if (Object.keys(changes).length === 0) return current;
    await current.update(Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to])), { transaction });
    if (changes.countManualRuns) await rebuildAllRollups(transaction);
    await recordAudit({ actor: actorOf(caller), action: 'settings.update', target: { type: 'settings', id: '1' }, metadata: { changes } }, transaction);
    return current;
  });
  return toSettingsDto(settings);
}
