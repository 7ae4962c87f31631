import type { WorkflowDto } from '@monoliet/contract';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { publishWorkflow, unpublishWorkflow } from '~/lib/n8n/activation.server';
import type { N8nConnection } from '~/lib/n8n/request.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb, N8nInstance } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { findLastRuns } from './last-runs.server';
import { openSecret } from './secrets.server';
import { findVisibleWorkflow } from './workflow-access.server';
import { toWorkflowDto } from './workflows.server';

// A person is waiting on the answer: one quick retry for a blip, then a clear 502, instead of the
// background client's long backoff.
const INTERACTIVE = { timeoutMs: 15_000, retry: { attempts: 2, baseDelayMs: 250, maxDelayMs: 1_000 } } as const;

export type ActivationOptions = { caller: Caller; id: string; active: boolean; n8n?: Pick<N8nConnection, 'timeoutMs' | 'retry'> };

/**
 * POST /workflows/{id}/activate|deactivate (staff): switches the workflow on or off in n8n (publish /
 * unpublish on 2.x, activate / deactivate on 1.x), and only once n8n has confirmed, records the new
 * state and audits it. Any n8n failure (an error answer, unreachable, timeout) is a 502 with n8n's message.
 */
export async function setWorkflowActive({ caller, id, active, n8n = INTERACTIVE }: ActivationOptions): Promise<WorkflowDto> {
  assertStaff(caller);
  const workflow = await findVisibleWorkflow({ caller, id });
  const instance = (await N8nInstance.findByPk(workflow.instanceId))!;
  if (!instance.apiKeyEncrypted) {
    throw new ApiError('conflict', `The n8n instance "${instance.name}" has no API key, so the portal cannot switch its workflows on or off. Add the key to the instance first.`);
  }
  const connection: N8nConnection = { baseUrl: instance.baseUrl, apiKey: openSecret({ kind: 'instanceApiKey', ciphertext: instance.apiKeyEncrypted }), ...n8n };
  const change = active ? publishWorkflow : unpublishWorkflow;
  const result = await change({ connection, workflowId: workflow.n8nWorkflowId, flavor: instance.apiFlavor });
  if (!result.ok) {
    const verb = active ? 'switch on' : 'switch off';
    throw new ApiError('bad_gateway', `n8n could not ${verb} "${workflow.name}": ${result.error.message}`, {
      n8n: [`${result.error.kind}${result.error.status ? ` (HTTP ${result.error.status})` : ''}`],
    });
  }
  await getDb().transaction(async (transaction) => {
    if (instance.apiFlavor !== result.value.flavor) await instance.update({ apiFlavor: result.value.flavor }, { transaction });
    // a failing workflow stays marked as failing until its alert is resolved; switching off pauses it
    const status = !active ? 'paused' : workflow.status === 'paused' ? 'active' : workflow.status;
    await workflow.update({ active, status }, { transaction });
    await recordAudit(
      {
        actor: actorOf(caller),
        action: active ? 'workflow.activate' : 'workflow.deactivate',
        target: { type: 'workflow', id: workflow.id },
        clientId: workflow.clientId,
        metadata: { n8nWorkflowId: workflow.n8nWorkflowId, instance: instance.name, via: result.value.flavor },
      },
      transaction,
    );
  });
  const lastRuns = await findLastRuns([workflow.id]);
  return toWorkflowDto({ workflow, lastRun: lastRuns.get(workflow.id) });
}

