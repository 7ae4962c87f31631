import { QueryTypes, type Transaction } from 'sequelize';
import { getDb } from '~/models/index.server';

export type InvoiceNumber = { number: string; year: number; seq: number };

export function formatInvoiceNumber({ prefix, year, seq }: { prefix: string; year: number; seq: number }): string {
  // four digits at least, more once a year passes 9999 invoices (the original broke after 999)
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * Takes the next number of the year. The counter row stays locked until the caller's transaction ends,
 * so concurrent creators queue, and a rolled-back invoice gives its number back: no duplicates, no gaps.
 */
export async function takeInvoiceNumber({
  prefix,
  year,
  transaction,
}: {
  prefix: string;
  year: number;
  transaction: Transaction;
}): Promise<InvoiceNumber> {
  const [row] = await getDb().query<{ last_number: number }>(
    `INSERT INTO invoice_number_counters (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1, updated_at = now()
     RETURNING last_number`,
    { bind: [year], transaction, type: QueryTypes.SELECT },
  );
  const seq = row!.last_number;
  return { number: formatInvoiceNumber({ prefix, year, seq }), year, seq };
}
