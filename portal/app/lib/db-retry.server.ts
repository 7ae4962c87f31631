// Postgres aborts one side of a deadlock (40P01) or a serialization conflict (40001); the whole
// transaction is then safe to run again.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

export async function withRetryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(sqlStateOf(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));
    }
  }
}

/** The SQLSTATE of a database error, from Sequelize (its parent) or from plain `pg`. */
export function sqlStateOf(error: unknown): string | undefined {
  const withParent = error as { parent?: { code?: string }; original?: { code?: string }; code?: string };
  return withParent.parent?.code ?? withParent.original?.code ?? withParent.code;
}
