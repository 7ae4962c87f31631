import type { Branding } from '~/components/branding';
import { getSettings } from './settings.server';

export async function getBranding(): Promise<Branding> {
  const settings = await getSettings();
  return { companyName: settings.companyName, brandColor: settings.brandColor, logoUrl: settings.logoUrl, supportEmail: settings.supportEmail };
}
