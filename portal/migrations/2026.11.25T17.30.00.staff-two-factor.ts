import type { Migration } from './types';

// Staff two-factor sign-in and one-time links:
// - users.totp_last_step: the last accepted TOTP time step, so a code that was just used (seen over a
//   shoulder, replayed from a log) is refused for the rest of its window;
// - user_tokens is looked up by user when a newer link replaces the older ones.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE users ADD COLUMN totp_last_step bigint;
    CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP INDEX user_tokens_user_idx;
    ALTER TABLE users DROP COLUMN totp_last_step;
  `);
};
