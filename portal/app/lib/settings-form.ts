// The settings page posts every field as text; this turns the form into the API's update body, so the
// page and PATCH /api/v1/settings validate the same way (SettingsUpdateSchema).

export const NUMBER_SETTINGS = [
  'paymentTermsDays',
  'reminderDaysBefore',
  'reminderRepeatDays',
  'alertThrottleMinutes',
  'healthSuccessRateThreshold',
  'healthWindowHours',
  'healthMinRuns',
  'healthStuckMinutes',
  'healthNoRunsDays',
] as const;
export const TEXT_SETTINGS = ['companyName', 'supportEmail', 'brandColor', 'invoicePrefix', 'reconcileCron', 'remindersCron', 'healthCron'] as const;

/** Addresses separated by commas, semicolons, spaces or lines; each once (case-insensitively). */
export function splitAddresses(value: string): string[] {
  const seen = new Map<string, string>();
  for (const address of value.split(/[\s,;]+/)) if (address && !seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  return [...seen.values()];
}

export function readSettingsForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const input: Record<string, unknown> = {};
  for (const name of TEXT_SETTINGS) input[name] = text(name);
  // a number field holding something else stays text, so the schema names it
  for (const name of NUMBER_SETTINGS) input[name] = /^-?\d+$/.test(text(name)) ? Number(text(name)) : text(name);
  input.logoUrl = text('logoUrl') || null;
  input.alertRecipients = splitAddresses(text('alertRecipients'));
  input.countManualRuns = form.get('countManualRuns') === 'on';
  return input;
}
