import { z } from 'zod';
import { defineRoute, IdParamsSchema, isoDateTime, queryBoolean } from './api';
import { pageOf, PageQuerySchema } from './pagination';

export const USER_ROLES = ['staff', 'client'] as const;
export const MEMBER_ROLES = ['owner', 'member'] as const;

/** A portal account as staff see it. Password hashes, TOTP secrets and recovery codes never leave the portal. */
export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  isActive: z.boolean(),
  /** false until a password is set (an invited user who has not accepted yet) */
  hasPassword: z.boolean(),
  twoFactorEnabled: z.boolean(),
  /** the client a client user belongs to; null for staff and for a client user not linked yet */
  client: z.object({ id: z.uuid(), slug: z.string(), companyName: z.string() }).nullable(),
  memberRole: z.enum(MEMBER_ROLES).nullable(),
  lastLoginAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type UserDto = z.infer<typeof UserSchema>;

// The password policy itself (length, not the email, not repetitive) is checked by the portal, which
// answers 400 with details.password; the schema only bounds the size.
const password = z.string().min(1).max(200);

export const UserCreateSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().max(200).optional(),
  role: z.enum(USER_ROLES),
  /** without one, the user cannot sign in until a password is set (by staff or through an invitation) */
  password: password.optional(),
  /** client users only: the client they belong to */
  clientId: z.uuid().optional(),
  memberRole: z.enum(MEMBER_ROLES).optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().max(200),
    role: z.enum(USER_ROLES),
    /** false deactivates: every session and API token of the user stops working at once */
    isActive: z.boolean(),
    /** a client user's client; null removes the membership. Staff users never have one. */
    clientId: z.uuid().nullable(),
    memberRole: z.enum(MEMBER_ROLES),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const UserPasswordSchema = z.object({ password });
export type UserPassword = z.infer<typeof UserPasswordSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({
  /** part of the email or the name */
  search: z.string().trim().max(100).optional(),
  role: z.enum(USER_ROLES).optional(),
  client: z.uuid().optional(),
  active: queryBoolean.optional(),
  order: z.enum(['email', '-email', 'name', '-name', 'createdAt', '-createdAt']).default('email'),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const userRoutes = {
  list: defineRoute({ id: 'listUsers', method: 'GET', path: '/users', summary: 'List users', tag: 'Users', access: 'staff', scope: 'read', query: UserListQuerySchema, response: pageOf(UserSchema), status: 200 }),
  create: defineRoute({ id: 'createUser', method: 'POST', path: '/users', summary: 'Create a user (a client user with its client membership)', tag: 'Users', access: 'staff', scope: 'write', body: UserCreateSchema, response: UserSchema, status: 201, errors: ['conflict'], example: { email: 'dana@initech.example', name: 'Dana Lee', role: 'client', clientId: '3f0c8a52-6a53-4a34-9d0e-0d5c8b8f4f10', memberRole: 'owner', password: 'correct horse battery' }, description: 'A client user belongs to one client (`clientId`); a staff user to none. Without `password` the user cannot sign in until one is set. The password policy (at least 10 characters, not the email, not repetitive) answers 400 with `details.password`. A duplicate email (in any case) is a 409.' }),
  get: defineRoute({ id: 'getUser', method: 'GET', path: '/users/{id}', summary: 'Get a user with its client', tag: 'Users', access: 'staff', scope: 'read', params: IdParamsSchema, response: UserSchema, status: 200, resource: 'user' }),
  update: defineRoute({ id: 'updateUser', method: 'PATCH', path: '/users/{id}', summary: 'Update a user; isActive=false deactivates it and ends its sessions', tag: 'Users', access: 'staff', scope: 'write', params: IdParamsSchema, body: UserUpdateSchema, response: UserSchema, status: 200, resource: 'user', errors: ['conflict', 'unprocessable'], example: { isActive: false }, description: 'Deactivating (`isActive: false`) or changing the role ends every browser session of the user and revokes its API tokens. `clientId: null` removes the membership; promoting to staff removes it too. Staff cannot deactivate or demote themselves (422). There is no hard delete.' }),
  setPassword: defineRoute({ id: 'setUserPassword', method: 'POST', path: '/users/{id}/password', summary: "Set a user's password (the password policy applies); every session of the user ends", tag: 'Users', access: 'staff', scope: 'write', params: IdParamsSchema, body: UserPasswordSchema, response: null, status: 204, resource: 'user', example: { password: 'a new long passphrase' } }),
};
