import type { Transaction } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertClientAccess } from '~/lib/policy.server';
import { Client, Workflow } from '~/models/index.server';

/** The workflow with its client, if the caller may see it; another client's workflow is "not found". */
export async function findVisibleWorkflow({ caller, id, transaction }: { caller: Caller; id: string; transaction?: Transaction }): Promise<Workflow> {
  const workflow = await Workflow.findByPk(id, { include: [{ model: Client, as: 'client', attributes: ['id', 'slug', 'companyName'] }], transaction });
  if (!workflow) throw new ApiError('not_found', 'Workflow not found');
  assertClientAccess({ caller, clientId: workflow.clientId, notFound: 'Workflow not found' });
  return workflow;
}
