import type { Migration } from './types';

// Per-client daily rollups, so that figures over all of a client's workflows (or over every client) read
// one row per client and day, however many workflows and runs there are:
// - execution_daily.minutes_saved: success × the workflow's minutes per run, stored with the counts (the
//   recount writes it; a change of a workflow's minutes per run rewrites its rows);
// - execution_client_daily: the sums of execution_daily per (client, day), the unassigned workflows under
//   a NULL client. It is kept by statement triggers on execution_daily, which add the difference each
//   statement made (inserted rows, updated rows' new minus old, deleted rows). So every path that changes
//   execution_daily keeps it exact: the ingest's recount, a rebuild, a workflow moved to another client, a
//   cascade from a deleted workflow or client. Adding differences commutes, so concurrent writers need no
//   more than the row lock each upsert takes; the rows are upserted in (client, day) order, and an ingest
//   changes them in one statement, so two ingests cannot deadlock on them.
/** Adds the (client, day) sums of `deltas` (rows of execution_daily's columns, negated for removed rows). */
const addDeltas = (deltas: string) => `
      INSERT INTO execution_client_daily AS c (client_id, day, total, success, error, sum_duration_ms, minutes_saved)
      SELECT client_id, day, sum(total), sum(success), sum(error), sum(sum_duration_ms), sum(minutes_saved)
      FROM (${deltas}) AS delta (client_id, day, total, success, error, sum_duration_ms, minutes_saved)
      GROUP BY client_id, day
      HAVING sum(total) <> 0 OR sum(success) <> 0 OR sum(error) <> 0 OR sum(sum_duration_ms) <> 0 OR sum(minutes_saved) <> 0
      ORDER BY client_id, day
      ON CONFLICT ON CONSTRAINT execution_client_daily_key DO UPDATE
      SET total = c.total + EXCLUDED.total, success = c.success + EXCLUDED.success, error = c.error + EXCLUDED.error,
          sum_duration_ms = c.sum_duration_ms + EXCLUDED.sum_duration_ms, minutes_saved = c.minutes_saved + EXCLUDED.minutes_saved;`;

/** A statement trigger's function that adds `deltas` (over its transition tables) to the per-client rows. */
const deltaFunction = (name: string, deltas: string) => `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${addDeltas(deltas)}
      RETURN NULL;
    END $$;`;

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE execution_daily ADD COLUMN minutes_saved numeric NOT NULL DEFAULT 0;
    UPDATE execution_daily d SET minutes_saved = d.success * w.minutes_saved_per_run FROM workflows w WHERE w.id = d.workflow_id AND d.success > 0;

    CREATE TABLE execution_client_daily (
      client_id uuid,
      day date NOT NULL,
      total integer NOT NULL DEFAULT 0,
      success integer NOT NULL DEFAULT 0,
      error integer NOT NULL DEFAULT 0,
      sum_duration_ms bigint NOT NULL DEFAULT 0,
      minutes_saved numeric NOT NULL DEFAULT 0,
      CONSTRAINT execution_client_daily_key UNIQUE NULLS NOT DISTINCT (client_id, day)
    );
    CREATE INDEX execution_client_daily_day_idx ON execution_client_daily (day);
    INSERT INTO execution_client_daily (client_id, day, total, success, error, sum_duration_ms, minutes_saved)
    SELECT client_id, day, sum(total), sum(success), sum(error), sum(sum_duration_ms), sum(minutes_saved)
    FROM execution_daily GROUP BY client_id, day;

    ${deltaFunction('execution_client_daily_insert', 'SELECT client_id, day, total, success, error, sum_duration_ms, minutes_saved FROM new_rows')}
    ${deltaFunction(
      'execution_client_daily_update',
      `SELECT client_id, day, total, success, error, sum_duration_ms, minutes_saved FROM new_rows
       UNION ALL
       SELECT client_id, day, -total, -success, -error, -sum_duration_ms, -minutes_saved FROM old_rows`,
    )}
    ${deltaFunction('execution_client_daily_delete', 'SELECT client_id, day, -total, -success, -error, -sum_duration_ms, -minutes_saved FROM old_rows')}
    CREATE FUNCTION execution_client_daily_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM execution_client_daily;
      RETURN NULL;
    END $$;
    CREATE TRIGGER execution_client_daily_insert AFTER INSERT ON execution_daily
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION execution_client_daily_insert();
    CREATE TRIGGER execution_client_daily_update AFTER UPDATE ON execution_daily
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION execution_client_daily_update();
    CREATE TRIGGER execution_client_daily_delete AFTER DELETE ON execution_daily
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION execution_client_daily_delete();
    CREATE TRIGGER execution_client_daily_truncate AFTER TRUNCATE ON execution_daily
      FOR EACH STATEMENT EXECUTE FUNCTION execution_client_daily_truncate();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TRIGGER execution_client_daily_insert ON execution_daily;
    DROP TRIGGER execution_client_daily_update ON execution_daily;
    DROP TRIGGER execution_client_daily_delete ON execution_daily;
    DROP TRIGGER execution_client_daily_truncate ON execution_daily;
    DROP FUNCTION execution_client_daily_insert(), execution_client_daily_update(), execution_client_daily_delete(), execution_client_daily_truncate();
    DROP TABLE execution_client_daily;
    ALTER TABLE execution_daily DROP COLUMN minutes_saved;
  `);
};
