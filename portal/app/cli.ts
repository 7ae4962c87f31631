import { Command, CommanderError } from 'commander';
import { registerAccountCommands } from './cli/accounts.server';
import { registerDataCommands } from './cli/data.server';
import { registerJobCommands } from './cli/jobs.server';
import { runCommand } from './cli/run.server';
import { registerSyncCommand } from './cli/sync.server';

// Operator commands: `npm run cli -- <command>` from the repo root. They use the same services as the
// portal, take flags, never prompt without a TTY, and are safe to re-run.
const program = new Command('monoliet')
  .description('Monoliet operator commands')
  .showHelpAfterError()
  .exitOverride();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    runCommand(async ({ migrateNow }) => {
      const applied = await migrateNow();
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
    }, { migrate: false }),
  );

registerAccountCommands(program);
registerDataCommands(program);
registerSyncCommand(program);
registerJobCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
