import type { Migration } from './types';

// The rollup tables are updated in place all day: every ingest adds to its (workflow, day) and (client,
// day) rows. With full pages each new row version goes to another page and needs a new entry in every
// index of the table (three on execution_daily); with room left on the page it stays there and no index
// changes (a HOT update: none of the indexed columns changes). The room applies to pages written from now on.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE execution_daily SET (fillfactor = 70);
    ALTER TABLE execution_client_daily SET (fillfactor = 50);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE execution_daily RESET (fillfactor);
    ALTER TABLE execution_client_daily RESET (fillfactor);
  `);
};
