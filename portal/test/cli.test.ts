import { User } from '~/models/index.server';
import { authenticate } from '~/services/users.server';
import { buildClient } from './factories';
import { runCli } from './helpers/cli';

describe('operator commands', () => {
  it('migrate says the database is up to date when nothing is pending', async () => {
    const result = await runCli(['migrate']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('The database is up to date.');
  });

  it('create-staff-user creates a staff user who can sign in, and a re-run changes nothing', async () => {
    const args = ['create-staff-user', '--email', 'first@agency.example', '--password', 'a long password', '--name', 'First Admin'];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created staff user first@agency.example');
    expect(await authenticate({ email: 'first@agency.example', password: 'a long password' })).toMatchObject({ role: 'staff', name: 'First Admin' });
    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already exists; nothing changed');
    expect(await User.count({ where: { email: 'first@agency.example' } })).toBe(1);
  });

  it('names the missing flag instead of prompting when stdin is not a terminal', async () => {
    const result = await runCli(['create-staff-user', '--email', 'second@agency.example']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Missing --password (stdin is not a terminal');
  });

  it('refuses a weak password with the reason', async () => {
    const result = await runCli(['create-staff-user', '--email', 'weak@agency.example', '--password', 'short']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: Use at least 10 characters');
    expect(result.stderr).not.toContain('    at ');
  });

  it('create-client-user links the user to the client by slug, and says so when the slug is unknown', async () => {
    const client = await buildClient({ slug: 'initech' });
    const ok = await runCli(['create-client-user', '--client', 'initech', '--email', 'peter@initech.example', '--password', 'tps reports!', '--owner']);
    expect(ok.code).toBe(0);
    const user = await User.findOne({ where: { email: 'peter@initech.example' }, include: ['membership'] });
    expect(user!.membership).toMatchObject({ clientId: client.id, role: 'owner' });
    const unknown = await runCli(['create-client-user', '--client', 'nope', '--email', 'x@nope.example', '--password', 'whatever long']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No client with slug "nope"');
  });

  it('rejects a bad configuration, naming the variable', async () => {
    const result = await runCli(['migrate'], { ENCRYPTION_KEYS: 'k1:tooshort' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENCRYPTION_KEYS');
  });
});
