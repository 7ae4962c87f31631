import type { Migration } from './types';

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    -- how final an n8n status is; a merge never lets a less final status replace a more final one
    CREATE FUNCTION execution_status_rank(status text) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE WHEN status IN ('success', 'error', 'crashed', 'canceled') THEN 3
                  WHEN status = 'waiting' THEN 2 WHEN status = 'running' THEN 1 ELSE 0 END;

    CREATE TABLE n8n_instances (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
      base_url text NOT NULL CHECK (base_url ~ '^https?://'),
      -- what the Monoliet node sends to say which n8n a run came from (default: the normalised base URL)
      identity text NOT NULL UNIQUE,
      api_key_encrypted text,
      api_flavor text CHECK (api_flavor IN ('publish', 'activate')),
      is_active boolean NOT NULL DEFAULT true,
      last_sync_at timestamptz,
      last_sync_status text CHECK (last_sync_status IN ('running', 'ok', 'error')),
      last_sync_error text,
      sync_watermark timestamptz,
      sync_state jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sync_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL REFERENCES n8n_instances (id) ON DELETE CASCADE,
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'cli')),
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'error')),
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      pages integer NOT NULL DEFAULT 0,
      executions_seen integer NOT NULL DEFAULT 0,
      runs_inserted integer NOT NULL DEFAULT 0,
      runs_updated integer NOT NULL DEFAULT 0,
      workflows_synced integer NOT NULL DEFAULT 0,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sync_runs_instance_idx ON sync_runs (instance_id, started_at DESC);

    CREATE TABLE workflows (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL REFERENCES n8n_instances (id) ON DELETE RESTRICT,
      n8n_workflow_id text NOT NULL CHECK (length(n8n_workflow_id) > 0),
      client_id uuid REFERENCES clients (id) ON DELETE SET NULL,
      name text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'error')),
      active boolean NOT NULL DEFAULT false,
      minutes_saved_per_run numeric(8, 2) NOT NULL DEFAULT 0 CHECK (minutes_saved_per_run >= 0),
      expected_interval_minutes integer CHECK (expected_interval_minutes > 0),
      tags text[] NOT NULL DEFAULT '{}',
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (instance_id, n8n_workflow_id)
    );
    CREATE INDEX workflows_client_idx ON workflows (client_id);
    CREATE INDEX workflows_unassigned_idx ON workflows (created_at) WHERE client_id IS NULL;

    CREATE TABLE execution_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL REFERENCES n8n_instances (id) ON DELETE RESTRICT,
      n8n_execution_id text NOT NULL CHECK (length(n8n_execution_id) > 0),
      workflow_id uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting')),
      mode text NOT NULL DEFAULT 'unknown',
      started_at timestamptz NOT NULL,
      stopped_at timestamptz,
      duration_ms integer CHECK (duration_ms >= 0),
      error_message text,
      error_node text,
      retry_of text,
      item_count integer CHECK (item_count >= 0),
      source text NOT NULL CHECK (source IN ('push', 'backfill')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (instance_id, n8n_execution_id)
    );
    CREATE INDEX execution_runs_workflow_started_idx ON execution_runs (workflow_id, started_at DESC);
    CREATE INDEX execution_runs_started_idx ON execution_runs (started_at DESC);
    CREATE INDEX execution_runs_unfinished_idx ON execution_runs (started_at) WHERE status IN ('running', 'new', 'waiting');

    -- derived from execution_runs for every (workflow, day) a write touches; never edited by hand
    CREATE TABLE execution_daily (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workflow_id uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
      day date NOT NULL,
      client_id uuid REFERENCES clients (id) ON DELETE SET NULL,
      total integer NOT NULL DEFAULT 0,
      success integer NOT NULL DEFAULT 0,
      error integer NOT NULL DEFAULT 0,
      sum_duration_ms bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (workflow_id, day)
    );
    CREATE INDEX execution_daily_client_day_idx ON execution_daily (client_id, day);
    CREATE INDEX execution_daily_day_idx ON execution_daily (day);

    CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workflow_id uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('error', 'stuck', 'missed', 'failure_rate', 'no_runs')),
      message text NOT NULL DEFAULT '',
      details jsonb NOT NULL DEFAULT '{}',
      count integer NOT NULL DEFAULT 1,
      opened_at timestamptz NOT NULL DEFAULT now(),
      last_notified_at timestamptz,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX alerts_one_open_key ON alerts (workflow_id, kind) WHERE resolved_at IS NULL;
    CREATE INDEX alerts_open_idx ON alerts (opened_at) WHERE resolved_at IS NULL;

    CREATE TRIGGER n8n_instances_updated_at BEFORE UPDATE ON n8n_instances FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER workflows_updated_at BEFORE UPDATE ON workflows FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER alerts_updated_at BEFORE UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION set_updated_at();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TABLE alerts, execution_daily, execution_runs, workflows, sync_runs, n8n_instances;
    DROP FUNCTION execution_status_rank(text);
  `);
};
