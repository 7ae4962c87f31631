import type { WorkflowDetailDto, WorkflowDto, WorkflowListQuery } from '@monoliet/contract';
import { Op, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertStaff, clientScopeOf } from '~/lib/policy.server';
import { Client, Workflow } from '~/models/index.server';
import { escapeLike } from './clients.server';
import { getWorkflowTrends } from './execution-stats.server';
import { findLastRuns, type LastRun } from './last-runs.server';
import { findVisibleWorkflow } from './workflow-access.server';

export function toWorkflowDto({ workflow, lastRun }: { workflow: Workflow; lastRun: LastRun | undefined }): WorkflowDto {
  const client = workflow.client;
  return {
    id: workflow.id,
    instanceId: workflow.instanceId,
    n8nWorkflowId: workflow.n8nWorkflowId,
    name: workflow.name,
    status: workflow.status,
    active: workflow.active,
    client: client ? { id: client.id, slug: client.slug, companyName: client.companyName } : null,
    minutesSavedPerRun: Number(workflow.minutesSavedPerRun),
    expectedIntervalMinutes: workflow.expectedIntervalMinutes,
    tags: workflow.tags,
    lastRun: lastRun ? { startedAt: lastRun.startedAt.toISOString(), status: lastRun.status } : null,
    createdAt: workflow.createdAt.toISOString(),
    updatedAt: workflow.updatedAt.toISOString(),
  };
}

const withClient = [{ model: Client, as: 'client', attributes: ['id', 'slug', 'companyName'] }];

export async function listWorkflows({ caller, query }: { caller: Caller; query: WorkflowListQuery }) {
  const own = clientScopeOf(caller);
  const conditions: WhereOptions<Workflow>[] = [];
  if (own) conditions.push({ clientId: own });
  if (query.client) conditions.push({ clientId: query.client });
  if (query.unassigned !== undefined) conditions.push({ clientId: query.unassigned ? null : { [Op.ne]: null } });
  if (query.status) conditions.push({ status: query.status });
  if (query.active !== undefined) conditions.push({ active: query.active });
  if (query.instance) conditions.push({ instanceId: query.instance });
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    conditions.push({ [Op.or]: [{ name: { [Op.iLike]: pattern } }, { n8nWorkflowId: { [Op.iLike]: pattern } }] });
  }
  const page = await paginate({ model: Workflow, where: { [Op.and]: conditions }, order: parseOrder(query.order), limit: query.limit, cursor: query.cursor, include: withClient });
  const lastRuns = await findLastRuns(page.rows.map((w) => w.id));
  return { data: page.rows.map((workflow) => toWorkflowDto({ workflow, lastRun: lastRuns.get(workflow.id) })), nextCursor: page.nextCursor };
}

/** How many workflows wait for a client (the staff "Unassigned" queue). */
export async function countUnassignedWorkflows({ caller }: { caller: Caller }): Promise<number> {
  assertStaff(caller);
  return Workflow.count({ where: { clientId: null } });
}

/** Names and clients of some workflows, for a confirmation that lists what a bulk action will change. */
export async function describeWorkflows({ caller, ids }: { caller: Caller; ids: string[] }): Promise<{ id: string; name: string; client: string | null }[]> {
  assertStaff(caller);
  const rows = await Workflow.findAll({ where: { id: { [Op.in]: ids } }, include: withClient, order: [['name', 'ASC']] });
  return rows.map((workflow) => ({ id: workflow.id, name: workflow.name, client: workflow.client?.companyName ?? null }));
}

/** One workflow with its last 30 days (the same figures as GET /executions/stats?workflow=…&days=30). */
export async function getWorkflow({ caller, id, now }: { caller: Caller; id: string; now?: Date }): Promise<WorkflowDetailDto> {
  const workflow = await findVisibleWorkflow({ caller, id });
  return toWorkflowDetail({ caller, workflow, now });
}

export async function toWorkflowDetail({ caller, workflow, now }: { caller: Caller; workflow: Workflow; now?: Date }): Promise<WorkflowDetailDto> {
  const [lastRuns, trends] = await Promise.all([findLastRuns([workflow.id]), getWorkflowTrends({ caller, workflowIds: [workflow.id], days: 30, now })]);
  return { ...toWorkflowDto({ workflow, lastRun: lastRuns.get(workflow.id) }), last30Days: trends.get(workflow.id)!.figures };
}
