import { ConfigError, getConfig } from '~/lib/config.server';
import { openDatabase } from '~/lib/database-bootstrap.server';
import { ApiError } from '~/lib/errors.server';
import { migrate } from '~/lib/migrate.server';
import { closeDb, getDb } from '~/models/index.server';

export type CommandContext = { migrateNow: () => Promise<string[]> };

/**
 * Opens the database (embedded when DATABASE_URL is unset), migrates unless told not to, runs the
 * command and always closes everything. Expected failures print one line naming the problem; exit 1.
 */
export async function runCommand(command: (context: CommandContext) => Promise<void>, { migrate: migrateFirst = true } = {}) {
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    database = await openDatabase();
    const migrateNow = () => migrate({ sequelize: getDb(), databaseUrl: getConfig().databaseUrl! });
    if (migrateFirst) await migrateNow();
    await command({ migrateNow });
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ApiError || error instanceof ConfigError || error instanceof CliError) console.error(`Error: ${error.message}`);
    else console.error(error);
  } finally {
    await closeDb();
    await database?.stop();
  }
}

/** A problem with the command's input, printed without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}
