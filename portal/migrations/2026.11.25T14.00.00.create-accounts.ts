import type { Migration } from './types';

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.updated_at = now(); RETURN NEW; END $$;

    CREATE TABLE clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
      company_name text NOT NULL CHECK (length(trim(company_name)) > 0),
      contact_name text NOT NULL DEFAULT '',
      email text NOT NULL,
      billing_email text,
      phone text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'churned')),
      plan text NOT NULL DEFAULT '',
      setup_fee numeric(12, 2) NOT NULL DEFAULT 0 CHECK (setup_fee >= 0),
      -- the fee billed each cycle: a yearly client's yearly fee; MRR divides yearly fees by 12
      monthly_fee numeric(12, 2) NOT NULL DEFAULT 0 CHECK (monthly_fee >= 0),
      currency char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
      billing_cycle text NOT NULL DEFAULT 'monthly' CHECK (billing_cycle IN ('monthly', 'yearly')),
      next_billing_date date,
      notes text NOT NULL DEFAULT '',
      churned_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX clients_status_idx ON clients (status);

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (position('@' IN email) > 1),
      name text NOT NULL DEFAULT '',
      password_hash text,
      role text NOT NULL CHECK (role IN ('staff', 'client')),
      is_active boolean NOT NULL DEFAULT true,
      session_version integer NOT NULL DEFAULT 0,
      totp_secret text,
      totp_enabled_at timestamptz,
      recovery_codes jsonb NOT NULL DEFAULT '[]',
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

    CREATE TABLE client_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
      client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX client_members_client_idx ON client_members (client_id);

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(trim(name)) > 0),
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      scopes text[] NOT NULL CHECK (scopes <@ ARRAY['ingest', 'read', 'write']::text[] AND cardinality(scopes) > 0),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

    -- one-time links: invitations and password resets (only the hash is stored)
    CREATE TABLE user_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE portal_settings (
      id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      company_name text NOT NULL DEFAULT 'Monoliet',
      support_email text NOT NULL DEFAULT 'support@monoliet.local',
      alert_recipients text[] NOT NULL DEFAULT '{}',
      brand_color text NOT NULL DEFAULT '#4f46e5' CHECK (brand_color ~ '^#[0-9a-fA-F]{6}$'),
      logo_url text,
      invoice_prefix text NOT NULL DEFAULT 'INV' CHECK (invoice_prefix ~ '^[A-Z0-9]{1,10}$'),
      payment_terms_days integer NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),
      reminder_days_before integer NOT NULL DEFAULT 3 CHECK (reminder_days_before BETWEEN 0 AND 60),
      reminder_repeat_days integer NOT NULL DEFAULT 7 CHECK (reminder_repeat_days BETWEEN 1 AND 90),
      alert_throttle_minutes integer NOT NULL DEFAULT 60 CHECK (alert_throttle_minutes BETWEEN 1 AND 10080),
      reconcile_cron text NOT NULL DEFAULT '*/15 * * * *',
      reminders_cron text NOT NULL DEFAULT '0 8 * * *',
      health_cron text NOT NULL DEFAULT '*/5 * * * *',
      health_success_rate_threshold integer NOT NULL DEFAULT 80 CHECK (health_success_rate_threshold BETWEEN 0 AND 100),
      health_window_hours integer NOT NULL DEFAULT 24 CHECK (health_window_hours BETWEEN 1 AND 720),
      health_min_runs integer NOT NULL DEFAULT 5 CHECK (health_min_runs >= 1),
      health_stuck_minutes integer NOT NULL DEFAULT 60 CHECK (health_stuck_minutes >= 1),
      health_no_runs_days integer NOT NULL DEFAULT 7 CHECK (health_no_runs_days >= 1),
      count_manual_runs boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO portal_settings (id) VALUES (1);

    -- append-only: see the trigger below
    CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      actor_label text NOT NULL DEFAULT '',
      action text NOT NULL,
      target_type text,
      target_id text,
      client_id uuid REFERENCES clients (id) ON DELETE SET NULL,
      ip text,
      metadata jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
    CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
    CREATE INDEX audit_log_client_idx ON audit_log (client_id, at DESC);
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- deleting a user or client nulls its references; any other change is refused
      IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.action = OLD.action AND NEW.at = OLD.at
         AND NEW.metadata = OLD.metadata AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id
         AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
         AND (NEW.client_id IS NULL OR NEW.client_id = OLD.client_id) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only';
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

    CREATE TRIGGER clients_updated_at BEFORE UPDATE ON clients FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER client_members_updated_at BEFORE UPDATE ON client_members FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER api_tokens_updated_at BEFORE UPDATE ON api_tokens FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER portal_settings_updated_at BEFORE UPDATE ON portal_settings FOR EACH ROW EXECUTE FUNCTION set_updated_at();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TABLE audit_log, portal_settings, user_tokens, api_tokens, client_members, users, clients;
    DROP FUNCTION audit_log_is_append_only(), set_updated_at();
  `);
};
