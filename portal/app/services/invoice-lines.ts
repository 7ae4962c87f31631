import { ApiError } from '~/lib/errors.server';
import { fromCents, lineTotalCents } from '~/lib/money';
import type { InvoiceLine } from '~/models/invoice.server';

// numeric(12,2): the largest amount the invoices table can hold
const MAX_TOTAL_CENTS = 999_999_999_999;

export type LineInput = { description: string; quantity: number; unitAmount: string };

/** Prices each line (quantity × unit price, to the cent) and adds them up in cents. */
export function priceLines(input: LineInput[]): { lines: InvoiceLine[]; totalCents: number } {
  if (input.length === 0) throw new ApiError('invalid_input', 'An invoice needs at least one line', { lines: ['Add at least one line'] });
  const lines = input.map((line) => {
    const cents = lineTotalCents(line);
    if (Math.abs(cents) > MAX_TOTAL_CENTS) throw tooLarge();
    return { line: { description: line.description, quantity: line.quantity, unitAmount: line.unitAmount, amount: fromCents(cents) }, cents };
  });
  const totalCents = lines.reduce((sum, { cents }) => sum + cents, 0);
  if (totalCents < 0) throw new ApiError('invalid_input', 'The invoice total cannot be negative', { lines: ['The total is negative'] });
  if (totalCents > MAX_TOTAL_CENTS) throw tooLarge();
  return { lines: lines.map(({ line }) => line), totalCents };
}

function tooLarge() {
  return new ApiError('invalid_input', 'The invoice total is too large', { lines: ['The total must stay below 10,000,000,000'] });
}
