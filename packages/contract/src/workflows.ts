import { z } from 'zod';
import { defineRoute, IdParamsSchema, isoDateTime, queryBoolean } from './api';
import { ExecutionStatusSchema, RunFiguresSchema } from './executions';
import { pageOf, PageQuerySchema } from './pagination';

export const WORKFLOW_STATUSES = ['active', 'paused', 'error'] as const;
export const WorkflowStatusSchema = z.enum(WORKFLOW_STATUSES);

export const WorkflowClientSchema = z.object({ id: z.uuid(), slug: z.string(), companyName: z.string() });

export const WorkflowSchema = z.object({
  id: z.uuid(),
  instanceId: z.uuid(),
  /** n8n's own id of the workflow */
  n8nWorkflowId: z.string(),
  name: z.string(),
  /** `error` while the workflow has an open failure alert; `paused` when switched off */
  status: WorkflowStatusSchema,
  /** whether n8n runs it (published / active in n8n) */
  active: z.boolean(),
  /** null until staff assign it to a client */
  client: WorkflowClientSchema.nullable(),
  /** what one successful run saves a person, for "time saved" */
  minutesSavedPerRun: z.number(),
  /** how often it is expected to run; the health check raises "missed" alerts from it */
  expectedIntervalMinutes: z.int().nullable(),
  tags: z.array(z.string()),
  /** the newest run the portal knows of (any status), derived from the runs */
  lastRun: z.object({ startedAt: isoDateTime, status: ExecutionStatusSchema }).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type WorkflowDto = z.infer<typeof WorkflowSchema>;

export const WorkflowDetailSchema = WorkflowSchema.extend({ last30Days: RunFiguresSchema });
export type WorkflowDetailDto = z.infer<typeof WorkflowDetailSchema>;

export const WorkflowListQuerySchema = PageQuerySchema.extend({
  client: z.uuid().optional(),
  status: WorkflowStatusSchema.optional(),
  active: queryBoolean.optional(),
  /** staff: only workflows without a client */
  unassigned: queryBoolean.optional(),
  search: z.string().trim().max(100).optional(),
  instance: z.uuid().optional(),
  order: z.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']).default('name'),
});
export type WorkflowListQuery = z.infer<typeof WorkflowListQuerySchema>;

/** Minutes with at most two decimals, as stored (numeric(8, 2)). */
const minutesSaved = z
  .number()
  .min(0)
  .max(999_999.99)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'use at most two decimals');

export const WorkflowUpdateSchema = z
  .object({
    /** assign to a client, or null to unassign */
    clientId: z.uuid().nullable(),
    minutesSavedPerRun: minutesSaved,
    /** null: no expectation (webhook-driven) */
    expectedIntervalMinutes: z.int().min(1).max(525_600).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type WorkflowUpdate = z.infer<typeof WorkflowUpdateSchema>;

export const workflowRoutes = {
  list: defineRoute({ id: 'listWorkflows', method: 'GET', path: '/workflows', summary: 'List workflows (a client user sees only its own)', tag: 'Workflows', access: 'user', scope: 'read', query: WorkflowListQuerySchema, response: pageOf(WorkflowSchema), status: 200 }),
  get: defineRoute({ id: 'getWorkflow', method: 'GET', path: '/workflows/{id}', summary: 'Get a workflow with its last 30 days', tag: 'Workflows', access: 'user', scope: 'read', params: IdParamsSchema, response: WorkflowDetailSchema, status: 200, resource: 'workflow' }),
  update: defineRoute({ id: 'updateWorkflow', method: 'PATCH', path: '/workflows/{id}', summary: 'Assign a workflow to a client, set the minutes it saves and its expected interval', tag: 'Workflows', access: 'staff', scope: 'write', params: IdParamsSchema, body: WorkflowUpdateSchema, response: WorkflowDetailSchema, status: 200, resource: 'workflow' }),
  activate: defineRoute({ id: 'activateWorkflow', method: 'POST', path: '/workflows/{id}/activate', summary: 'Switch a workflow on in n8n (publish on n8n 2.x, activate on 1.x)', tag: 'Workflows', access: 'staff', scope: 'write', params: IdParamsSchema, response: WorkflowSchema, status: 200, resource: 'workflow' }),
  deactivate: defineRoute({ id: 'deactivateWorkflow', method: 'POST', path: '/workflows/{id}/deactivate', summary: 'Switch a workflow off in n8n (unpublish on n8n 2.x, deactivate on 1.x)', tag: 'Workflows', access: 'staff', scope: 'write', params: IdParamsSchema, response: WorkflowSchema, status: 200, resource: 'workflow' }),
};
