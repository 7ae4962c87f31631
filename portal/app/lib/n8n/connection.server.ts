import { z } from 'zod';
import { n8nRequest, type N8nConnection, type N8nResult } from './request.server';
import { n8nPageSchema } from './schemas.server';

export type ConnectionCheck = {
  /** the key can list workflows (scope `workflow:list`) */
  workflows: true;
  /** the key can list executions (scope `execution:list`) */
  executions: true;
};

const AnyPageSchema = n8nPageSchema(z.unknown());

/**
 * Checks that the instance answers and that its key has the scopes a sync needs: one `GET /workflows`
 * and one `GET /executions`, each with `limit=1` and no retries (a person is waiting). Fails with
 * `unauthorized` (wrong key), `forbidden` (a scope is missing; the message names it), `network`,
 * `timeout` or `invalid_response` (the URL is not an n8n).
 */
export async function testConnection({ connection }: { connection: N8nConnection }): Promise<N8nResult<ConnectionCheck>> {
  const quick: N8nConnection = { timeoutMs: 10_000, ...connection, retry: { attempts: 1 } };
  const workflows = await n8nRequest({ connection: quick, path: '/workflows', query: { limit: 1 }, schema: AnyPageSchema });
  if (!workflows.ok) return { ok: false, error: withScope(workflows.error, 'workflow:list') };
  const executions = await n8nRequest({ connection: quick, path: '/executions', query: { limit: 1 }, schema: AnyPageSchema });
  if (!executions.ok) return { ok: false, error: withScope(executions.error, 'execution:list') };
  return { ok: true, value: { workflows: true, executions: true } };
}

function withScope(error: Extract<N8nResult<never>, { ok: false }>['error'], scope: string) {
  if (error.kind !== 'forbidden') return error;
  return { ...error, message: `The n8n API key lacks the scope ${scope} (403 Forbidden)` };
}
