import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Client } from '~/models/index.server';
import { importFernetCredentials } from '~/services/fernet-import.server';
import { rotateEncryptionKeys } from '~/services/key-rotation.server';
import { createUser, findUserByEmail, setMembership } from '~/services/users.server';
import { valueOrPrompt } from './prompt.server';
import { CliError, runCommand } from './run.server';

type UserFlags = { email?: string; password?: string; name?: string };

export function registerAccountCommands(program: Command) {
  program
    .command('create-staff-user')
    .description('create a staff (admin) user; does nothing if that email is already staff')
    .option('--email <email>', 'sign-in email')
    .option('--password <password>', 'at least 10 characters, not the email')
    .option('--name <name>', 'display name')
    .action((flags: UserFlags) =>
      runCommand(async () => {
        const email = await valueOrPrompt({ value: flags.email, flag: '--email', label: 'Email' });
        const existing = await findUserByEmail(email);
        if (existing) {
          if (existing.role !== 'staff') throw new CliError(`${email} already exists as a client user`);
          console.log(`Staff user ${existing.email} already exists; nothing changed.`);
          return;
        }
        const password = await valueOrPrompt({ value: flags.password, flag: '--password', label: 'Password', secret: true });
        const user = await createUser({ email, password, name: flags.name, role: 'staff' });
        console.log(`Created staff user ${user.email}.`);
      }),
    );

  program
    .command('create-client-user')
    .description("create a user of a client; an existing client user is moved to that client")
    .option('--client <slug>', 'the client')
    .option('--email <email>', 'sign-in email')
    .option('--password <password>', 'at least 10 characters, not the email')
    .option('--name <name>', 'display name')
    .option('--owner', "make the user an owner of the client (sees the client's members)")
    .action((flags: UserFlags & { client?: string; owner?: boolean }) =>
      runCommand(async () => {
        const slug = await valueOrPrompt({ value: flags.client, flag: '--client', label: 'Client slug' });
        const client = await Client.findOne({ where: { slug } });
        if (!client) throw new CliError(`No client with slug "${slug}"`);
        const email = await valueOrPrompt({ value: flags.email, flag: '--email', label: 'Email' });
        const role = flags.owner ? 'owner' : 'member';
        const existing = await findUserByEmail(email);
        if (existing) {
          if (existing.role !== 'client') throw new CliError(`${email} is a staff user`);
          await setMembership({ userId: existing.id, clientId: client.id, role });
          console.log(`${existing.email} already exists; it is now a ${role} of ${client.companyName}.`);
          return;
        }
        const password = await valueOrPrompt({ value: flags.password, flag: '--password', label: 'Password', secret: true });
        const user = await createUser({ email, password, name: flags.name, role: 'client', clientId: client.id, memberRole: role });
        console.log(`Created ${user.email}, a ${role} of ${client.companyName}.`);
      }),
    );

  program
    .command('rotate-keys')
    .description('re-encrypt every stored secret with the first key of ENCRYPTION_KEYS')
    .action(() =>
      runCommand(async () => {
        const result = await rotateEncryptionKeys({
          onProgress: ({ table, done, total }) => process.stdout.write(`\r${table}: ${done}/${total}`),
        });
        const moved = Object.entries(result.rotated).filter(([, n]) => n > 0);
        process.stdout.write(moved.length ? '\n' : '');
        console.log(
          moved.length
            ? `Re-encrypted with key "${result.currentKey}": ${moved.map(([t, n]) => `${t} ${n}`).join(', ')}.`
            : `Every secret is already encrypted with key "${result.currentKey}".`,
        );
      }),
    );

  program
    .command('import-fernet-credentials')
    .description("import credentials exported from the original portal (Fernet-encrypted)")
    .requiredOption('--file <path>', 'JSON array of {client, service_name, credential_type, encrypted_data}')
    .option('--fernet-key <key>', "the original portal's Fernet key")
    .action((flags: { file: string; fernetKey?: string }) =>
      runCommand(async () => {
        const fernetKey = await valueOrPrompt({ value: flags.fernetKey, flag: '--fernet-key', label: 'Fernet key', secret: true });
        let rows: unknown;
        try {
          rows = JSON.parse(await readFile(flags.file, 'utf8'));
        } catch (error) {
          throw new CliError(`Cannot read ${flags.file}: ${(error as Error).message}`);
        }
        const result = await importFernetCredentials({ rows, fernetKey });
        console.log(`Imported ${result.imported} credential(s); ${result.skipped} already existed.`);
      }),
    );
}
