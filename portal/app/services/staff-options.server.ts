import type { Caller } from '~/lib/caller.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, User } from '~/models/index.server';

// The choices of the staff pages' selects (a user's client, the audit log's actor and client filters):
// only ids and names, sorted for people.

export type Option = { value: string; label: string };

export async function listClientOptions(caller: Caller): Promise<Option[]> {
  assertStaff(caller);
  const clients = await Client.findAll({ attributes: ['id', 'companyName'], order: [['companyName', 'ASC']] });
  return clients.map((client) => ({ value: client.id, label: client.companyName }));
}

export async function listUserOptions(caller: Caller): Promise<Option[]> {
  assertStaff(caller);
  const users = await User.findAll({ attributes: ['id', 'email', 'name', 'role'], order: [['role', 'DESC'], ['email', 'ASC']] });
  return users.map((user) => ({ value: user.id, label: `${user.name ? `${user.name} <${user.email}>` : user.email}${user.role === 'staff' ? ' (staff)' : ''}` }));
}
