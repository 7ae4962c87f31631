import type { Migration } from './types';

// A revoked credential keeps its record (service, hint, dates, who submitted it) for the history, but its
// encrypted values are wiped: NULL, which key rotation already skips. The CHECK keeps the two in step.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE api_credentials ALTER COLUMN encrypted_data DROP NOT NULL;
    UPDATE api_credentials SET encrypted_data = NULL WHERE status = 'revoked';
    ALTER TABLE api_credentials ADD CONSTRAINT api_credentials_revoked_wiped
      CHECK ((status = 'revoked') = (encrypted_data IS NULL));
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE api_credentials DROP CONSTRAINT api_credentials_revoked_wiped;
    DELETE FROM api_credentials WHERE encrypted_data IS NULL;
    ALTER TABLE api_credentials ALTER COLUMN encrypted_data SET NOT NULL;
  `);
};
