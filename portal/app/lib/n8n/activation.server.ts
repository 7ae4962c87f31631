import { n8nRequest, type N8nConnection, type N8nResult } from './request.server';
import { N8nWorkflowSchema, type N8nWorkflow } from './schemas.server';

/**
 * How an instance switches workflows on and off: n8n 2.x `publish`/`unpublish`; n8n 1.x only has
 * `activate`/`deactivate` (2.x still accepts them, deprecated). Stored in `n8n_instances.api_flavor`.
 */
export type N8nApiFlavor = 'publish' | 'activate';

export type SetWorkflowActiveOptions = {
  connection: N8nConnection;
  /** n8n's workflow id (`workflows.n8n_workflow_id`) */
  workflowId: string;
  /** what the instance is known to speak; null/undefined = find out (publish first, then activate) */
  flavor?: N8nApiFlavor | null;
};

export type WorkflowActivation = {
  /** the workflow as n8n answers after the change (`active` is its new state) */
  workflow: N8nWorkflow;
  /** the flavor that worked: store it on the instance so the next call goes straight to it */
  flavor: N8nApiFlavor;
};

/**
 * Publishes (turns on) a workflow in n8n. On an instance of unknown flavor it tries n8n 2.x's
 * `POST /workflows/{id}/publish` and falls back to 1.x's `/activate` when that route does not exist
 * (404/405). An unknown workflow is `not_found` either way; a missing scope is `forbidden`.
 * n8n needs about a second before a published workflow's triggers fire.
 */
export function publishWorkflow(options: SetWorkflowActiveOptions): Promise<N8nResult<WorkflowActivation>> {
  return setWorkflowActive({ ...options, active: true });
}

/** Unpublishes (turns off) a workflow in n8n: `/unpublish` on 2.x, `/deactivate` on 1.x. */
export function unpublishWorkflow(options: SetWorkflowActiveOptions): Promise<N8nResult<WorkflowActivation>> {
  return setWorkflowActive({ ...options, active: false });
}

const ROUTES: Record<N8nApiFlavor, { on: string; off: string }> = {
  publish: { on: 'publish', off: 'unpublish' },
  activate: { on: 'activate', off: 'deactivate' },
};

async function setWorkflowActive({ connection, workflowId, flavor, active }: SetWorkflowActiveOptions & { active: boolean }): Promise<N8nResult<WorkflowActivation>> {
  const call = async (using: N8nApiFlavor): Promise<N8nResult<WorkflowActivation>> => {
    const route = active ? ROUTES[using].on : ROUTES[using].off;
    const result = await n8nRequest({
      connection,
      method: 'POST',
      path: `/workflows/${encodeURIComponent(workflowId)}/${route}`,
      body: {},
      schema: N8nWorkflowSchema,
    });
    return result.ok ? { ok: true, value: { workflow: result.value, flavor: using } } : result;
  };
  if (flavor) return call(flavor);
  const published = await call('publish');
  if (published.ok || (published.error.kind !== 'not_found' && published.error.kind !== 'method_not_allowed')) return published;
  // 404 from /publish is either n8n 1.x (no such route) or an unknown workflow; /activate tells them apart
  return call('activate');
}
