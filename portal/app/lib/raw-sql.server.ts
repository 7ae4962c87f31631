import type { Writable } from 'node:stream';
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
  return withClient((client) => work(sqlOnClient(client)));
}

async function withClient<T>(work: (client: ClientBase) => Promise<T>): Promise<T> {
  const manager = poolManager();
  const client = await manager.getConnection({ type: 'write' });
  let healthy = true;
  try {
    return await work(client);
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

/** What the work of a pipelined transaction answers: its value, and the statements it issued last without waiting for them. */
export type PipelinedWork<T> = { value: T; unawaited: Promise<unknown>[] };

/**
 * A transaction whose statements go out without waiting for the answers of the ones before (pg's pipeline
 * mode, on the borrowed connection for the transaction's length): BEGIN travels with `work`'s first
 * statement, and COMMIT right behind the statements `work` issued last and did not wait for. Each round
 * trip waits for the database and then for a turn of a busy event loop; a write of pushed runs took five
 * (BEGIN, upsert, alert checks, rollups, COMMIT), now two.
 *
 * PostgreSQL runs the statements in the order they were issued. A statement that fails aborts the
 * transaction: the ones behind it fail, the COMMIT behind them rolls back, and the first error is thrown.
 */
export async function withPipelinedTransaction<T>(work: (sql: Sql) => Promise<PipelinedWork<T>>): Promise<T> {
  return withClient(async (client) => {
    const connection = client as ClientBase & { pipeline: boolean; connection: { stream: Writable } };
    connection.pipeline = true;
    const issue = sqlOnClient(client);
    // the statements issued in one turn leave in one write to the socket, not one write each
    const { stream } = connection.connection;
    const corked = <R>(send: () => R): R => {
      stream.cork();
      process.nextTick(() => stream.uncork());
      return send();
    };
    const sql: Sql = (text, values, name) => corked(() => issue(text, values, name));
    const begun = handled(sql('BEGIN'));
    try {
      let outcome: PipelinedWork<T>;
      try {
        outcome = await work(sql);
      } catch (error) {
        await begun.catch(() => undefined);
        await sql('ROLLBACK');
        throw error;
      }
      const committed = handled(corked(() => client.query('COMMIT')));
      const settled = await Promise.allSettled([begun, ...outcome.unawaited.map(handled), committed]);
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      // a COMMIT of an aborted transaction answers ROLLBACK (without an error of its own)
      if ((await committed).command !== 'COMMIT') throw new Error('the transaction was rolled back');
      return outcome.value;
    } finally {
      // every statement issued here has been answered: the connection goes back to the pool as it came
      connection.pipeline = false;
    }
  });
}

/** The promise itself, with a handler attached at once (its failure is read later, not lost as unhandled). */
export function handled<P extends Promise<unknown>>(promise: P): P {
  promise.catch(() => undefined);
  return promise;
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
