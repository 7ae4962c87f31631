import { ClientMember, User } from '~/models/index.server';
import { authenticate, createUser, findUserByEmail, getUserWithClient, setPassword } from '~/services/users.server';
import { buildClient } from './factories';

describe('users', () => {
  it('stores an scrypt hash, never the password', async () => {
    const user = await createUser({ email: 'ada@example.com', password: 'analytical engine', role: 'staff' });
    const stored = await User.findByPk(user.id);
    expect(stored!.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored!.passwordHash).not.toContain('analytical');
  });

  it('signs in with the email in any case and refuses a wrong password', async () => {
    await createUser({ email: 'Grace.Hopper@Example.com', password: 'cobol forever 59', role: 'staff' });
    expect((await authenticate({ email: 'grace.hopper@example.COM', password: 'cobol forever 59' }))?.email).toBe('Grace.Hopper@Example.com');
    expect(await authenticate({ email: 'grace.hopper@example.com', password: 'cobol forever 60' })).toBeNull();
    expect(await authenticate({ email: 'nobody@example.com', password: 'cobol forever 59' })).toBeNull();
  });

  it('refuses a second user whose email differs only in case', async () => {
    await createUser({ email: 'linus@example.com', password: 'kernel hacker 91', role: 'client' });
    await expect(createUser({ email: ' LINUS@example.com ', password: 'kernel hacker 92', role: 'client' })).rejects.toMatchObject({ code: 'conflict' });
    // the database refuses it too, whatever the service does
    await expect(User.create({ email: 'Linus@Example.com', role: 'client', passwordHash: null, totpSecret: null, totpEnabledAt: null, lastLoginAt: null })).rejects.toThrow();
  });

  it('refuses a password that is too short or equal to the email', async () => {
    await expect(createUser({ email: 'short@example.com', password: 'short', role: 'client' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(createUser({ email: 'same@example.com', password: 'same@example.com', role: 'client' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await findUserByEmail('same@example.com')).toBeNull();
  });

  it('does not let a deactivated user sign in', async () => {
    const user = await createUser({ email: 'gone@example.com', password: 'was here once', role: 'client' });
    await user.update({ isActive: false });
    expect(await authenticate({ email: 'gone@example.com', password: 'was here once' })).toBeNull();
  });

  it('links a client user to exactly one client', async () => {
    const [acme, globex] = [await buildClient(), await buildClient()];
    const user = await createUser({ email: 'member@example.com', password: 'member password', role: 'client', clientId: acme.id, memberRole: 'owner' });
    const loaded = await getUserWithClient(user.id);
    expect(loaded!.membership!.client!.id).toBe(acme.id);
    expect(loaded!.membership!.role).toBe('owner');
    await expect(ClientMember.create({ userId: user.id, clientId: globex.id })).rejects.toThrow();
  });

  it('does not give staff users a client', async () => {
    const client = await buildClient();
    await expect(createUser({ email: 'staffer@example.com', password: 'staff password', role: 'staff', clientId: client.id })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('signs out other sessions when the password changes', async () => {
    const user = await createUser({ email: 'rotate@example.com', password: 'first password', role: 'client' });
    const updated = await setPassword({ userId: user.id, password: 'second password' });
    expect(updated.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await authenticate({ email: 'rotate@example.com', password: 'first password' })).toBeNull();
    expect(await authenticate({ email: 'rotate@example.com', password: 'second password' })).not.toBeNull();
  });
});
