import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ensureDefaultInstance, findInstanceByReference, listSyncableInstances } from '~/services/n8n-instance-connections.server';
import { reconcileInstance } from '~/services/reconcile.server';
import { parseSinceFlag } from './flags';
import { CliError, runCommand } from './run.server';

type SyncFlags = { instance?: string; since?: string; full?: boolean };

export function registerSyncCommand(program: Command) {
  program
    .command('sync-executions')
    .description("reconcile workflows and executions from n8n's API (every instance with an API key, or one)")
    .option('--instance <id-or-name>', 'only this n8n instance')
    .option('--since <iso-date>', 'page back to this time instead of the last sync (e.g. 2026-05-01T00:00:00Z)')
    .option('--full', 'page through everything n8n still has')
    .action((flags: SyncFlags) =>
      runCommand(async () => {
        const since = parseSinceFlag(flags.since);
        if (since && flags.full) throw new CliError('Use either --since or --full, not both');
        await ensureDefaultInstance();
        const instances = flags.instance ? [await findInstanceByReference(flags.instance)] : await listSyncableInstances();
        if (instances.length === 0) throw new CliError('No n8n instance has an API key: set N8N_URL and N8N_API_KEY, or add one in the staff area');
        let failed = 0;
        for (const instance of instances) {
          const bar = new SingleBar({ format: ` ${instance.name} [{bar}] {phase} | {executions} executions, {pages} pages`, hideCursor: true }, undefined);
          bar.start(100, 0, { phase: 'workflows', executions: 0, pages: 0 });
          const result = await reconcileInstance({
            instanceId: instance.id,
            trigger: 'cli',
            since,
            full: flags.full,
            onProgress: (p) => bar.update(p.phase === 'executions' ? Math.round((p.coverage ?? 0) * 90) : p.phase === 'workflows' ? 0 : 95, { phase: p.phase, executions: p.executionsSeen, pages: p.pages }),
          }).finally(() => bar.stop());
          const run = result.syncRun;
          if (result.ok) {
            console.log(`${instance.name}: ${run.workflowsSynced} workflows; ${run.executionsSeen} executions in ${run.pages} pages (${run.runsInserted} new, ${run.runsUpdated} updated).`);
          } else {
            failed++;
            console.error(`${instance.name}: sync failed: ${run.error}`);
          }
        }
        if (failed > 0) process.exitCode = 1;
      }),
    );
}
