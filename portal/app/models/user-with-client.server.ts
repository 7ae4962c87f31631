import { Client } from './client.server';
import { ClientMember } from './client-member.server';
import { nestColumns, selectColumns } from './columns.server';
import { User } from './user.server';

// A user with its membership and client, read in one plain statement on the hot paths (every page's
// session, every API token) and built into the same instances a finder with nested includes loads.

/** The include that `USER_WITH_CLIENT` rows are built with. */
export const MEMBERSHIP_INCLUDE = [{ model: ClientMember, as: 'membership', include: [{ model: Client, as: 'client' }] }];

/** The columns of `users u`, its `client_members m` and `clients c`, for nestColumns. */
export function userWithClientColumns(): string {
  return `${selectColumns(User, 'u')}, ${selectColumns(ClientMember, 'm')}, ${selectColumns(Client, 'c')}`;
}

/** Joins a user's membership and client onto `users u`. */
export const USER_WITH_CLIENT_JOINS = 'LEFT JOIN client_members m ON m.user_id = u.id LEFT JOIN clients c ON c.id = m.client_id';

type Nested = Record<string, Record<string, unknown>>;

/** A statement's row (userWithClientColumns and more) as nested values, and the user's part for Model.build. */
export function userValuesOf(flat: Record<string, unknown>): { row: Nested; user: Record<string, unknown> } {
  const row = nestColumns(flat);
  return { row, user: { ...row.u, membership: row.m?.userId ? { ...row.m, client: row.c } : null } };
}

/** The built user, as `User.findByPk(id, { include: MEMBERSHIP_INCLUDE })` would load it. */
export function buildUserWithClient(user: Record<string, unknown>): User {
  return User.build(user as never, { isNewRecord: false, raw: true, include: MEMBERSHIP_INCLUDE });
}
