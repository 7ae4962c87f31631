import { QueryTypes } from 'sequelize';
import { getDb } from '~/models/index.server';

/**
 * What may change although a request was refused, and why. Everything else in the public schema is
 * business data that a 4xx must leave exactly as it was.
 */
export const CHANGES_ALLOWED_ON_REFUSAL = {
  tables: {
    // refusals that matter are audited (a failed sign-in, a lockout)
    audit_log: 'refused attempts are audited on purpose',
    // failed sign-ins are counted there to lock accounts and block addresses
    login_rate_limits: 'failed sign-ins are counted on purpose',
    schema_migrations: 'not data',
  } as Record<string, string>,
  columns: {
    // every authenticated request may stamp its token (at most once a minute), refused or not
    api_tokens: ['last_used_at', 'updated_at'],
  } as Record<string, string[]>,
};

type Column = { table_name: string; column_name: string };

/** One query that hashes every business table, row by row, in a stable order. */
export async function buildChecksumQuery(): Promise<string> {
  const columns = await getDb().query<Column>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    { type: QueryTypes.SELECT },
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of columns) {
    if (CHANGES_ALLOWED_ON_REFUSAL.tables[table] || CHANGES_ALLOWED_ON_REFUSAL.columns[table]?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
  }
  const parts = [...byTable].map(
    ([table, cols]) => `'${table}:' || coalesce((SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM (SELECT ${cols.join(', ')} FROM "${table}") r), '-')`,
  );
  return `SELECT ${parts.join(" || ' ' || ")} AS checksum`;
}

export async function checksumOf(query: string): Promise<string> {
  const [row] = await getDb().query<{ checksum: string }>(query, { type: QueryTypes.SELECT });
  return row!.checksum;
}
