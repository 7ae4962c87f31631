import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadSampleData } from '~/services/sample-data/load.server';
import { DEMO_CLIENT, DEMO_STAFF } from '~/services/sample-data/catalog';
import { runCommand } from './run.server';

export function registerDataCommands(program: Command) {
  program
    .command('create-sample-data')
    .description('load a realistic demo agency: clients, users, 30 workflows, 90 days of runs, invoices, tickets')
    .action(() =>
      runCommand(async () => {
        const bar = new SingleBar({ format: ' {step} [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: false });
        let started = false;
        const result = await loadSampleData({
          onProgress: ({ step, done, total }) => {
            if (!started) bar.start(total, 0, { step });
            started = true;
            bar.setTotal(total);
            bar.update(done, { step });
          },
        });
        if (started) bar.stop();
        if (!result.created) {
          console.log('The sample data is already loaded; nothing changed.');
          return;
        }
        console.log(`Loaded ${result.clients} clients, ${result.workflows} workflows, ${result.runs} runs and ${result.invoices} invoices.`);
        console.log(`Demo logins: staff ${DEMO_STAFF.email} / ${DEMO_STAFF.password}, client ${DEMO_CLIENT.email} / ${DEMO_CLIENT.password}`);
      }),
    );
}
