import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { ApiError } from '~/lib/errors.server';
import { burnPasswordCheck, hashPassword, verifyPassword } from '~/lib/password.server';
import { withConnection } from '~/lib/raw-sql.server';
import { Client, ClientMember, getDb, User } from '~/models/index.server';
import { buildUserWithClient, USER_WITH_CLIENT_JOINS, userValuesOf, userWithClientColumns } from '~/models/user-with-client.server';
import type { UserRole } from '~/models/user.server';
import { checkPassword } from './password-policy';

export type NewUser = {
  email: string;
  name?: string;
  password?: string;
  role: UserRole;
  clientId?: string;
  memberRole?: 'owner' | 'member';
};

export function normalizeEmail(email: string): string {
  return email.trim();
}

export async function findUserByEmail(email: string, transaction?: Transaction) {
  const db = getDb();
  return User.findOne({
    where: db.where(db.fn('lower', db.col('email')), normalizeEmail(email).toLowerCase()),
    transaction,
  });
}

/** Creates a user (and its client membership). A duplicate email, in any case, is a conflict. */
export async function createUser(input: NewUser, transaction?: Transaction): Promise<User> {
  const email = normalizeEmail(input.email);
  if (input.password !== undefined) assertPasswordAcceptable({ password: input.password, email });
  if (input.role === 'staff' && input.clientId) throw new ApiError('invalid_input', 'Staff users do not belong to a client');
  const run = async (t: Transaction) => {
    if (await findUserByEmail(email, t)) throw new ApiError('conflict', 'A user with this email already exists');
    const user = await User.create(
      {
        email,
        name: input.name?.trim() ?? '',
        role: input.role,
        passwordHash: input.password === undefined ? null : await hashPassword(input.password),
        totpSecret: null,
        totpEnabledAt: null,
        lastLoginAt: null,
      },
      { transaction: t },
    );
    if (input.clientId) await setMembership({ userId: user.id, clientId: input.clientId, role: input.memberRole }, t);
    return user;
  };
  return transaction ? run(transaction) : getDb().transaction(run);
}

/** A client user belongs to at most one client (client_members.user_id is unique). */
export async function setMembership(
  { userId, clientId, role = 'member' }: { userId: string; clientId: string; role?: 'owner' | 'member' },
  transaction?: Transaction,
) {
  if (!(await Client.findByPk(clientId, { transaction }))) throw new ApiError('not_found', 'Client not found');
  const existing = await ClientMember.findOne({ where: { userId }, transaction });
  if (existing) return existing.update({ clientId, role }, { transaction });
  return ClientMember.create({ userId, clientId, role }, { transaction });
}

export function assertPasswordAcceptable({ password, email }: { password: string; email: string }) {
  const problem = checkPassword({ password, email });
  if (problem) throw new ApiError('invalid_input', problem, { password: [problem] });
}

/** The user for these credentials, or null. Unknown emails take as long as wrong passwords. */
export async function authenticate({ email, password }: { email: string; password: string }): Promise<User | null> {
  const user = await findUserByEmail(email);
  if (!user || !user.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword({ password, hash: user.passwordHash }))) return null;
  if (!user.isActive) return null;
  return user;
}

export async function setPassword({ userId, password }: { userId: string; password: string }, transaction?: Transaction) {
  const user = await User.findByPk(userId, { transaction });
  if (!user) throw new ApiError('not_found', 'User not found');
  assertPasswordAcceptable({ password, email: user.email });
  // a new session version signs out every other session of this user
  await user.update({ passwordHash: await hashPassword(password), sessionVersion: user.sessionVersion + 1 }, { transaction });
  return user;
}

export async function recordLogin(userId: string) {
  await User.update({ lastLoginAt: new Date() }, { where: { id: userId } });
}

let userLookupSql: string | undefined;
const UserIdSchema = z.uuid();

/**
 * The user with its membership and client, for sessions and `auth/me`. Every page request runs this, so
 * it is one plain statement (a finder with two nested includes cost more CPU than the dashboard's queries).
 */
export async function getUserWithClient(userId: string) {
  if (!UserIdSchema.safeParse(userId).success) return null;
  userLookupSql ??= `SELECT ${userWithClientColumns()} FROM users u ${USER_WITH_CLIENT_JOINS} WHERE u.id = $1 LIMIT 1`;
  const [flat] = await withConnection((sql) => sql(userLookupSql!, [userId], 'user_with_client_lookup'));
  return flat ? buildUserWithClient(userValuesOf(flat).user) : null;
}

export async function countStaffUsers(): Promise<number> {
  return User.count({ where: { role: 'staff', isActive: true } });
}
