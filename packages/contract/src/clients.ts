import { z } from 'zod';
import { CurrencySchema, defineRoute, IdParamsSchema, isoDate, isoDateTime, MoneySchema } from './api';
import { pageOf, PageQuerySchema } from './pagination';

export const CLIENT_STATUSES = ['active', 'paused', 'churned'] as const;
export const BILLING_CYCLES = ['monthly', 'yearly'] as const;

export const ClientSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  email: z.string(),
  billingEmail: z.string().nullable(),
  phone: z.string(),
  status: z.enum(CLIENT_STATUSES),
  plan: z.string(),
  setupFee: MoneySchema,
  /** the fee billed each cycle (a yearly client's yearly fee) */
  monthlyFee: MoneySchema,
  currency: CurrencySchema,
  billingCycle: z.enum(BILLING_CYCLES),
  nextBillingDate: isoDate.nullable(),
  /** staff-only internal notes; absent for client users */
  notes: z.string().optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ClientDto = z.infer<typeof ClientSchema>;

const slug = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

export const ClientCreateSchema = z.object({
  slug,
  companyName: z.string().trim().min(1).max(200),
  contactName: z.string().trim().max(200).optional(),
  email: z.email().max(320),
  billingEmail: z.email().max(320).nullable().optional(),
  phone: z.string().trim().max(50).optional(),
  status: z.enum(CLIENT_STATUSES).optional(),
  plan: z.string().trim().max(100).optional(),
  setupFee: MoneySchema.refine((v) => !v.startsWith('-'), 'must not be negative').optional(),
  monthlyFee: MoneySchema.refine((v) => !v.startsWith('-'), 'must not be negative').optional(),
  currency: CurrencySchema.optional(),
  billingCycle: z.enum(BILLING_CYCLES).optional(),
  nextBillingDate: isoDate.nullable().optional(),
  notes: z.string().max(10_000).optional(),
});
export type ClientCreate = z.infer<typeof ClientCreateSchema>;

export const ClientUpdateSchema = ClientCreateSchema.partial().refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type ClientUpdate = z.infer<typeof ClientUpdateSchema>;

export const ClientListQuerySchema = PageQuerySchema.extend({
  status: z.enum(CLIENT_STATUSES).optional(),
  search: z.string().trim().max(100).optional(),
  order: z.enum(['companyName', '-companyName', 'createdAt', '-createdAt', 'monthlyFee', '-monthlyFee']).default('companyName'),
});
export type ClientListQuery = z.infer<typeof ClientListQuerySchema>;

export const clientRoutes = {
  list: defineRoute({ id: 'listClients', method: 'GET', path: '/clients', summary: 'List clients (a client user sees only its own)', tag: 'Clients', access: 'user', scope: 'read', query: ClientListQuerySchema, response: pageOf(ClientSchema), status: 200 }),
  me: defineRoute({ id: 'getMyClient', method: 'GET', path: '/clients/me', summary: "The caller's own client", tag: 'Clients', access: 'user', scope: 'read', response: ClientSchema, status: 200 }),
  create: defineRoute({ id: 'createClient', method: 'POST', path: '/clients', summary: 'Create a client', tag: 'Clients', access: 'staff', scope: 'write', body: ClientCreateSchema, response: ClientSchema, status: 201 }),
  get: defineRoute({ id: 'getClient', method: 'GET', path: '/clients/{id}', summary: 'Get a client', tag: 'Clients', access: 'user', scope: 'read', params: IdParamsSchema, response: ClientSchema, status: 200, resource: 'client' }),
  update: defineRoute({ id: 'updateClient', method: 'PATCH', path: '/clients/{id}', summary: 'Update a client', tag: 'Clients', access: 'staff', scope: 'write', params: IdParamsSchema, body: ClientUpdateSchema, response: ClientSchema, status: 200, resource: 'client' }),
};
