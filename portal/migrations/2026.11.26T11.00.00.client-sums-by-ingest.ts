import type { Migration } from './types';

// The ingest keeps the per-client rollups itself (rollups.server.ts, applyIngestRollups): it adds a write's
// new runs to their (workflow, day) rows in its first statement, and the per-client sums of everything it
// changed in its last, in one ordered pass, as the triggers did. Inside its transaction it says so with
// the setting below, and execution_daily's statement triggers stand aside. Every other writer (a rebuild,
// a reassignment, a cascade) leaves the setting unset and is summed by the triggers as before.
const NOT_BY_CALLER = "current_setting('monoliet.client_rollups', true) IS DISTINCT FROM 'caller'";

const triggers = (when: string) => `
    DROP TRIGGER execution_client_daily_insert ON execution_daily;
    DROP TRIGGER execution_client_daily_update ON execution_daily;
    DROP TRIGGER execution_client_daily_delete ON execution_daily;
    CREATE TRIGGER execution_client_daily_insert AFTER INSERT ON execution_daily
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${when} EXECUTE FUNCTION execution_client_daily_insert();
    CREATE TRIGGER execution_client_daily_update AFTER UPDATE ON execution_daily
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${when} EXECUTE FUNCTION execution_client_daily_update();
    CREATE TRIGGER execution_client_daily_delete AFTER DELETE ON execution_daily
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${when} EXECUTE FUNCTION execution_client_daily_delete();`;

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(triggers(`WHEN (${NOT_BY_CALLER})`));
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(triggers(''));
};
