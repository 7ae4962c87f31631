import type { Transaction } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import type { EmailBranding } from '~/lib/email/templates';
import { User, type Client } from '~/models/index.server';
import { getSettings } from './settings.server';

// Who gets which mail (DESIGN.md section 7), in one place.

/** The agency's branding for mails, read inside the caller's transaction. */
export async function getEmailBranding(transaction?: Transaction): Promise<EmailBranding> {
  const settings = await getSettings(transaction);
  return { companyName: settings.companyName, brandColor: settings.brandColor, supportEmail: settings.supportEmail, publicUrl: getConfig().publicUrl };
}

/** portal_settings.alert_recipients; when none are set, every active staff user, so alerts are never lost. */
export async function getStaffAlertRecipients(transaction?: Transaction): Promise<string[]> {
  const settings = await getSettings(transaction);
  if (settings.alertRecipients.length > 0) return uniqueAddresses(settings.alertRecipients);
  const staff = await User.findAll({ where: { role: 'staff', isActive: true }, attributes: ['email'], transaction });
  return uniqueAddresses(staff.map((user) => user.email));
}

/** The client's side of a ticket: the person who opened it (if still active) and the client's contact. */
export function getTicketClientRecipients({ client, creator }: { client: Client; creator: User | null }): string[] {
  const addresses = [client.email];
  if (creator && creator.isActive && creator.role === 'client') addresses.unshift(creator.email);
  return uniqueAddresses(addresses);
}

/** Invoices and reminders: the billing email, or the contact email when there is none. */
export function getBillingRecipients(client: Client): string[] {
  return uniqueAddresses([client.billingEmail || client.email]);
}

/** Trimmed, without blanks, each address once (case-insensitively). */
export function uniqueAddresses(addresses: (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of addresses) {
    const address = raw?.trim();
    if (address && !seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  }
  return [...seen.values()];
}
