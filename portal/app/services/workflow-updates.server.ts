import type { WorkflowDetailDto, WorkflowUpdate } from '@monoliet/contract';
import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, getDb, Workflow } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { holdBackRollupWriters, repriceWorkflowRollups } from './rollups.server';
import { findVisibleWorkflow } from './workflow-access.server';
import { toWorkflowDetail } from './workflows.server';

/** PATCH /workflows/{id} (staff): assign or unassign the client, minutes saved per run, expected interval. */
export async function updateWorkflow({ caller, id, input }: { caller: Caller; id: string; input: WorkflowUpdate }): Promise<WorkflowDetailDto> {
  await getDb().transaction(async (transaction) => {
    const workflow = await Workflow.findByPk(id, { transaction, lock: transaction.LOCK.NO_KEY_UPDATE });
    if (!workflow) throw new ApiError('not_found', 'Workflow not found');
    const previousClientId = workflow.clientId;
    if (input.clientId !== undefined && input.clientId !== previousClientId) {
      await assignWorkflowClient({ workflow, clientId: input.clientId, transaction });
    }
    const previousRate = workflow.minutesSavedPerRun;
    await workflow.update(
      {
        ...(input.minutesSavedPerRun !== undefined ? { minutesSavedPerRun: input.minutesSavedPerRun.toFixed(2) } : {}),
        ...(input.expectedIntervalMinutes !== undefined ? { expectedIntervalMinutes: input.expectedIntervalMinutes } : {}),
      },
      { transaction },
    );
    if (Number(workflow.minutesSavedPerRun) !== Number(previousRate)) {
      await repriceWorkflowRollups({ workflowId: workflow.id, minutesSavedPerRun: workflow.minutesSavedPerRun, transaction });
    }
    await recordAudit(
      {
        actor: actorOf(caller),
        action: 'workflow.update',
        target: { type: 'workflow', id },
        clientId: workflow.clientId ?? previousClientId,
        metadata: { fields: Object.keys(input), ...(input.clientId !== undefined ? { clientFrom: previousClientId, clientTo: workflow.clientId } : {}) },
      },
      transaction,
    );
  });
  return toWorkflowDetail({ caller, workflow: await findVisibleWorkflow({ caller, id }) });
}

/**
 * The staff pages' bulk assignment: each workflow goes through updateWorkflow (its own transaction and
 * audit entry). Workflows deleted since the list was shown are counted as skipped, not an error.
 */
export async function assignWorkflows({ caller, ids, clientId }: { caller: Caller; ids: string[]; clientId: string | null }): Promise<{ assigned: number; skipped: number }> {
  assertStaff(caller);
  let assigned = 0;
  for (const id of ids) {
    try {
      await updateWorkflow({ caller, id, input: { clientId } });
      assigned++;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
    }
  }
  return { assigned, skipped: ids.length - assigned };
}

/**
 * Moves a workflow (and with it the client of its daily rollups, which client dashboards read) to
 * another client or to none, inside the caller's transaction, which must hold the workflow's row lock.
 * Ingests running at the same time are ordered around it by holdBackRollupWriters.
 */
export async function assignWorkflowClient({ workflow, clientId, transaction }: { workflow: Workflow; clientId: string | null; transaction: Transaction }) {
  if (clientId && !(await Client.findByPk(clientId, { transaction, attributes: ['id'] }))) {
    throw new ApiError('invalid_input', 'There is no client with this id', { clientId: ['no such client'] });
  }
  await workflow.update({ clientId }, { transaction });
  await holdBackRollupWriters(transaction);
  await getDb().query('UPDATE execution_daily SET client_id = $2, updated_at = now() WHERE workflow_id = $1 AND client_id IS DISTINCT FROM $2', {
    bind: [workflow.id, clientId],
    transaction,
  });
}
