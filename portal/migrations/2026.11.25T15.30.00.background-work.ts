import type { Migration } from './types';

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    -- "Sync now" answers with a sync run before a worker has picked it up
    ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_status_check;
    ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status_check CHECK (status IN ('queued', 'running', 'ok', 'error'));
    CREATE INDEX sync_runs_unfinished_idx ON sync_runs (instance_id) WHERE status IN ('queued', 'running');

    -- the staff outbox lists and searches mails newest first
    CREATE INDEX emails_status_created_idx ON emails (status, created_at DESC);
    CREATE INDEX webhook_subscriptions_active_idx ON webhook_subscriptions USING gin (events) WHERE is_active;
    CREATE INDEX alerts_workflow_idx ON alerts (workflow_id, opened_at DESC);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP INDEX alerts_workflow_idx, webhook_subscriptions_active_idx, emails_status_created_idx, sync_runs_unfinished_idx;
    UPDATE sync_runs SET status = 'error', error = coalesce(error, 'never started') WHERE status = 'queued';
    ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_status_check;
    ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status_check CHECK (status IN ('running', 'ok', 'error'));
  `);
};
