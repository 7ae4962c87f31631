import type { SettingsDto, SettingsUpdate } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { PortalSettings } from '~/models/index.server';

/** The portal_settings singleton (the first migration creates its row). */
export async function getSettings(transaction?: Transaction): Promise<PortalSettings> {
  const settings = await PortalSettings.findByPk(1, { transaction });
  if (!settings) throw new Error('portal_settings row is missing; run the migrations');
  return settings;
}

export const SETTING_FIELDS = [
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
