import type { Transaction } from 'sequelize';
import { PortalSettings } from '~/models/index.server';

/** The portal_settings singleton (the first migration creates its row). */
export async function getSettings(transaction?: Transaction): Promise<PortalSettings> {
  const settings = await PortalSettings.findByPk(1, { transaction });
  if (!settings) throw new Error('portal_settings row is missing; run the migrations');
  return settings;
}
