import { clampLimit, N8N_MAX_PAGE_SIZE } from './executions.server';
import { n8nRequest, type N8nConnection, type N8nResult } from './request.server';
import { N8nWorkflowPageSchema, N8nWorkflowSchema, type N8nPage, type N8nWorkflow } from './schemas.server';

/** One page of `GET /workflows` (with their tags). */
export function listWorkflows({ connection, cursor, limit = N8N_MAX_PAGE_SIZE }: { connection: N8nConnection; cursor?: string | null; limit?: number }): Promise<N8nResult<N8nPage<N8nWorkflow>>> {
  return n8nRequest({
    connection,
    path: '/workflows',
    query: { limit: clampLimit(limit), cursor: cursor ?? undefined },
    schema: N8nWorkflowPageSchema,
  });
}

/** `GET /workflows/{id}`; `not_found` for an unknown id. */
export function getWorkflow({ connection, workflowId }: { connection: N8nConnection; workflowId: string }): Promise<N8nResult<N8nWorkflow>> {
  return n8nRequest({ connection, path: `/workflows/${encodeURIComponent(workflowId)}`, schema: N8nWorkflowSchema });
}
