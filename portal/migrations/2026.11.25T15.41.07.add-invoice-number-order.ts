import type { Migration } from './types';

// Invoice numbers sort as text wrongly past 9999 a year ("INV-2033-10000" < "INV-2033-9999") and mix
// prefixes, so lists ordered "by number" use this key: the year, then the sequence within it.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE invoices ADD COLUMN number_order bigint GENERATED ALWAYS AS (number_year::bigint * 100000000 + number_seq) STORED;
    CREATE INDEX invoices_number_order_idx ON invoices (number_order);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE invoices DROP COLUMN number_order;');
};
