import type { ExecutionStatus } from '@monoliet/contract';
import { n8nRequest, type N8nConnection, type N8nResult } from './request.server';
import { N8nExecutionPageSchema, N8nExecutionSchema, type N8nExecution, type N8nPage } from './schemas.server';

/** n8n clamps larger values to 250; 0 would return every row, so it is never sent. */
export const N8N_MAX_PAGE_SIZE = 250;

export type ListExecutionsOptions = {
  connection: N8nConnection;
  /** `nextCursor` of the previous page; filters are not part of it, so they are sent again with it */
  cursor?: string | null;
  /** without it n8n leaves out running executions; `error` does not include `crashed` */
  status?: ExecutionStatus;
  workflowId?: string;
  limit?: number;
};

/** One page of `GET /executions`, newest (highest id) first. */
export function listExecutions({ connection, cursor, status, workflowId, limit = N8N_MAX_PAGE_SIZE }: ListExecutionsOptions): Promise<N8nResult<N8nPage<N8nExecution>>> {
  return n8nRequest({
    connection,
    path: '/executions',
    query: { limit: clampLimit(limit), cursor: cursor ?? undefined, status, workflowId, includeData: false },
    schema: N8nExecutionPageSchema,
  });
}

/** `GET /executions/{id}` without its data; `not_found` once n8n has pruned it. */
export function getExecution({ connection, executionId }: { connection: N8nConnection; executionId: string }): Promise<N8nResult<N8nExecution>> {
  return n8nRequest({
    connection,
    path: `/executions/${encodeURIComponent(executionId)}`,
    query: { includeData: false },
    schema: N8nExecutionSchema,
  });
}

export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return N8N_MAX_PAGE_SIZE;
  return Math.min(N8N_MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}
