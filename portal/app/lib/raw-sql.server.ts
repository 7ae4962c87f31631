import type { ClientBase, QueryResultRow } from 'pg';
import { QueryTypes, type Transaction } from 'sequelize';
import { getDb } from '~/models/index.server';

// The ingest path runs on every pushed run, so it speaks to PostgreSQL with `pg` directly, on a connection
// borrowed from Sequelize's pool (one pool, one limit). Sequelize costs a lot of CPU per statement: it
// rescans the SQL text for bind parameters, clones options and post-processes rows. The statements that
// are shared with other code take an `Sql`, which either kind of connection provides.

/** Runs one statement; `name` makes it a prepared statement, parsed once per connection. */
export type Sql = <R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[], name?: string) => Promise<R[]>;

type PoolManager = { getConnection: (options?: object) => Promise<ClientBase>; releaseConnection: (c: ClientBase) => void; destroyConnection: (c: ClientBase) => Promise<void> };

function poolManager(): PoolManager {
  return getDb().connectionManager as unknown as PoolManager;
}

const sqlOnClient =
  (client: ClientBase): Sql =>
  async (text, values = [], name) =>
    (await client.query(name ? { name, text, values } : { text, values })).rows;

/** `work` with a pooled connection of its own; a connection left in a failed state is closed, not reused. */
export async function withConnection<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const manager = poolManager();
  const client = await manager.getConnection({ type: 'write' });
  let healthy = true;
  try {
    return await work(sqlOnClient(client));
  } catch (error) {
    healthy = !isConnectionError(error);
    throw error;
  } finally {
    if (healthy) manager.releaseConnection(client);
    else await manager.destroyConnection(client).catch(() => undefined);
  }
}

/** `work` inside BEGIN … COMMIT on its own connection; any error rolls back and propagates. */
export async function withTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  return withConnection(async (sql) => {
    await sql('BEGIN');
    try {
      const result = await work(sql);
      await sql('COMMIT');
      return result;
    } catch (error) {
      // a failed ROLLBACK means a broken connection: withConnection then closes it
      await sql('ROLLBACK');
      throw error;
    }
  });
}

/** The same interface over a Sequelize transaction (or none), for code that is called from both worlds. */
export function sqlIn(transaction?: Transaction | null): Sql {
  return async <R extends QueryResultRow>(text: string, values: unknown[] = []) =>
    getDb().query<R>(text, { bind: values, transaction: transaction ?? undefined, type: QueryTypes.SELECT });
}

function isConnectionError(error: unknown): boolean {
  // errors from the server carry an SQLSTATE; anything else (a reset socket, a timeout) leaves the
  // connection in an unknown state
  return typeof (error as { code?: unknown }).code !== 'string' || /^08/.test((error as { code: string }).code);
}
