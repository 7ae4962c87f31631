import type { Migration } from './types';

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    -- one row per year; taking the next number locks the row until the invoice's transaction ends,
    -- so numbers are unique and gap-free under concurrent creation
    CREATE TABLE invoice_number_counters (
      year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
      last_number integer NOT NULL CHECK (last_number >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      number_year integer NOT NULL,
      number_seq integer NOT NULL CHECK (number_seq > 0),
      client_id uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
      type text NOT NULL CHECK (type IN ('setup', 'monthly', 'additional')),
      lines jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(lines) = 'array'),
      amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'overdue', 'void')),
      issue_date date NOT NULL,
      due_date date NOT NULL CHECK (due_date >= issue_date),
      paid_at timestamptz,
      payment_method text,
      voided_at timestamptz,
      period_start date,
      period_end date,
      notes text NOT NULL DEFAULT '',
      stripe_invoice_id text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (number_year, number_seq),
      CHECK ((status = 'paid') = (paid_at IS NOT NULL))
    );
    CREATE INDEX invoices_client_idx ON invoices (client_id, issue_date DESC);
    CREATE INDEX invoices_open_due_idx ON invoices (due_date) WHERE status IN ('pending', 'overdue');

    -- each reminder stage of an invoice is sent once, ever
    CREATE TABLE invoice_reminders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
      stage text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (invoice_id, stage)
    );

    CREATE SEQUENCE support_ticket_number_seq START 1001;
    CREATE TABLE support_tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer NOT NULL UNIQUE DEFAULT nextval('support_ticket_number_seq'),
      client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
      assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
      workflow_id uuid REFERENCES workflows (id) ON DELETE SET NULL,
      subject text NOT NULL CHECK (length(trim(subject)) > 0),
      description text NOT NULL DEFAULT '',
      priority text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved')),
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
    );
    ALTER SEQUENCE support_ticket_number_seq OWNED BY support_tickets.number;
    CREATE INDEX support_tickets_client_idx ON support_tickets (client_id, created_at DESC);
    CREATE INDEX support_tickets_queue_idx ON support_tickets (status, priority, created_at);

    CREATE TABLE ticket_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ticket_id uuid NOT NULL REFERENCES support_tickets (id) ON DELETE CASCADE,
      author_id uuid REFERENCES users (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(trim(body)) > 0),
      internal boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, created_at);

    -- the status history shown to the client and staff
    CREATE TABLE ticket_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ticket_id uuid NOT NULL REFERENCES support_tickets (id) ON DELETE CASCADE,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('created', 'status', 'priority', 'assignee')),
      from_value text,
      to_value text,
      at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, at);

    CREATE TABLE api_credentials (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      service_name text NOT NULL CHECK (length(trim(service_name)) > 0),
      credential_type text NOT NULL CHECK (credential_type IN ('api_key', 'oauth2', 'basic_auth', 'bearer_token', 'other')),
      -- AES-256-GCM, "v1:<key id>:<iv>:<tag>:<ciphertext>"; values never leave the portal except by an audited reveal
      encrypted_data text NOT NULL,
      hint text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'invalid', 'revoked')),
      notes text NOT NULL DEFAULT '',
      submitted_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
      last_verified timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX api_credentials_client_idx ON api_credentials (client_id, created_at DESC);

    CREATE TRIGGER invoices_updated_at BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER support_tickets_updated_at BEFORE UPDATE ON support_tickets FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    CREATE TRIGGER api_credentials_updated_at BEFORE UPDATE ON api_credentials FOR EACH ROW EXECUTE FUNCTION set_updated_at();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TABLE api_credentials, ticket_events, ticket_comments, support_tickets, invoice_reminders, invoices,
      invoice_number_counters;
  `);
};
