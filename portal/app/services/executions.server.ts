import type { ExecutionListQuery, ExecutionRunDto } from '@monoliet/contract';
import { Op, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertClientAccess, clientScopeOf } from '~/lib/policy.server';
import { ExecutionRun, Workflow } from '~/models/index.server';

/** What toExecutionRunDto reads: a stored run with its workflow (a model instance or a plain row). */
export type ExecutionRunRecord = Pick<
  ExecutionRun,
  'id' | 'instanceId' | 'n8nExecutionId' | 'status' | 'mode' | 'startedAt' | 'stoppedAt' | 'durationMs' | 'errorMessage' | 'errorNode' | 'retryOf' | 'itemCount' | 'source'
> & { workflow?: Pick<Workflow, 'id' | 'name' | 'n8nWorkflowId' | 'clientId'> };

export function toExecutionRunDto(run: ExecutionRunRecord): ExecutionRunDto {
  const workflow = run.workflow!;
  return {
    id: run.id,
    instanceId: run.instanceId,
    n8nExecutionId: run.n8nExecutionId,
    workflow: { id: workflow.id, name: workflow.name, n8nWorkflowId: workflow.n8nWorkflowId },
    clientId: workflow.clientId,
    status: run.status,
    mode: run.mode,
    startedAt: run.startedAt.toISOString(),
    stoppedAt: run.stoppedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
    errorMessage: run.errorMessage,
    errorNode: run.errorNode,
    retryOf: run.retryOf,
    itemCount: run.itemCount,
    source: run.source,
  };
}

const WORKFLOW_ATTRIBUTES = ['id', 'name', 'n8nWorkflowId', 'clientId'];

/** GET /executions: runs, newest first; a client user sees only the runs of its own workflows. */
export async function listExecutions({ caller, query }: { caller: Caller; query: ExecutionListQuery }) {
  const own = clientScopeOf(caller);
  const workflowWhere: WhereOptions<Workflow>[] = [];
  if (own) workflowWhere.push({ clientId: own });
  if (query.client) workflowWhere.push({ clientId: query.client });
  const conditions: WhereOptions<ExecutionRun>[] = [];
  if (query.workflow) conditions.push({ workflowId: query.workflow });
  if (query.status) conditions.push({ status: { [Op.in]: query.status } });
  if (query.mode) conditions.push({ mode: query.mode });
  if (query.since) conditions.push({ startedAt: { [Op.gte]: new Date(query.since) } });
  if (query.until) conditions.push({ startedAt: { [Op.lt]: new Date(query.until) } });
  const page = await paginate({
    model: ExecutionRun,
    where: { [Op.and]: conditions },
    order: parseOrder(query.order),
    limit: query.limit,
    cursor: query.cursor,
    include: [{ model: Workflow, as: 'workflow', attributes: WORKFLOW_ATTRIBUTES, where: { [Op.and]: workflowWhere }, required: true }],
  });
  return { data: page.rows.map(toExecutionRunDto), nextCursor: page.nextCursor };
}

export async function getExecution({ caller, id }: { caller: Caller; id: string }): Promise<ExecutionRunDto> {
  const run = await ExecutionRun.findByPk(id, { include: [{ model: Workflow, as: 'workflow', attributes: WORKFLOW_ATTRIBUTES }] });
  if (!run) throw new ApiError('not_found', 'Execution not found');
  assertClientAccess({ caller, clientId: run.workflow!.clientId, notFound: 'Execution not found' });
  return toExecutionRunDto(run);
}
