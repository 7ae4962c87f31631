// The client form of the staff pages as the input of createClient/updateClient: every field is sent, so an
// emptied field clears its value (an optional email or date becomes null, a text becomes "").

export type ClientFormValues = Record<string, string | undefined>;

const TEXT_FIELDS = ['companyName', 'contactName', 'phone', 'plan', 'notes'] as const;

export function clientInputFrom(values: ClientFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    slug: values.slug?.trim() || slugify(values.companyName ?? ''),
    email: values.email?.trim() ?? '',
    billingEmail: values.billingEmail?.trim() || null,
    status: values.status,
    setupFee: values.setupFee?.trim() || '0.00',
    monthlyFee: values.monthlyFee?.trim() || '0.00',
    currency: values.currency?.trim().toUpperCase() || undefined,
    billingCycle: values.billingCycle,
    nextBillingDate: values.nextBillingDate || null,
  };
  for (const field of TEXT_FIELDS) input[field] = values[field] ?? '';
  return input;
}

/** A URL-safe slug from a company name: "Acme Logistics GmbH" → "acme-logistics-gmbh". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
