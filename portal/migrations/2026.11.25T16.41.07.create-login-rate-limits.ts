import type { Migration } from './types';

// The shared store of the failed-sign-in limiters (rate-limiter-flexible's RateLimiterPostgres layout),
// so every portal replica counts the same attempts. Created here, not by the library at start, so test
// databases cloned from the migrated template already have it.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE login_rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      -- epoch milliseconds; the library deletes rows an hour after they expire
      expire bigint
    );
    CREATE INDEX login_rate_limits_expire_idx ON login_rate_limits (expire);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE login_rate_limits;');
};
