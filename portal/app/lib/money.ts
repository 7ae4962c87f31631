// Amounts travel as decimal strings ("1250.00") and are added up in integer cents, never in floats.

export function toCents(amount: string | number): number {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: "${amount}"`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** quantity × unit price, rounded half away from zero to the cent. */
export function lineTotalCents({ quantity, unitAmount }: { quantity: number; unitAmount: string }): number {
  const raw = quantity * toCents(unitAmount);
  return Math.sign(raw) * Math.round(Math.abs(raw));
}

export function formatMoney({
  amount,
  currency,
  locale = 'en-US',
  display = 'symbol',
}: {
  amount: string | number;
  currency: string;
  locale?: string;
  /** "code" writes "INR 1,490.00" where the symbol cannot be shown (a PDF font without ₹) */
  display?: 'symbol' | 'code';
}) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).format(toCents(amount) / 100);
}
