import { QueryTypes } from 'sequelize';
import type { N8nConnection } from '~/lib/n8n/request.server';
import type { N8nWorkflow } from '~/lib/n8n/schemas.server';
import { listWorkflows } from '~/lib/n8n/workflows.server';
import { getDb } from '~/models/index.server';
import { N8nSyncError } from './reconcile-errors.server';

const CLIENT_TAG = /^client:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$/i;

/** The client slug a workflow's `client:<slug>` tag names, if any. */
export function clientSlugOf(tags: string[]): string | null {
  for (const tag of tags) {
    const match = CLIENT_TAG.exec(tag);
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}

/** Every workflow of the instance, page by page. */
async function fetchAllWorkflows(connection: N8nConnection): Promise<N8nWorkflow[]> {
  const all: N8nWorkflow[] = [];
  let cursor: string | null = null;
  do {
    const page = await listWorkflows({ connection, cursor });
    if (!page.ok) throw new N8nSyncError('listing workflows', page.error);
    all.push(...page.value.data);
    cursor = page.value.nextCursor;
  } while (cursor);
  return all;
}

const UPSERT_WORKFLOWS_SQL = `
WITH incoming AS (
  SELECT t.id, t.name, t.active, t.archived, string_to_array(t.tags, E'\\x1f') AS tags, c.id AS client_id
  FROM unnest($2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::text[], $7::text[]) AS t(id, name, active, archived, tags, slug)
  LEFT JOIN clients c ON c.slug = t.slug
  ORDER BY t.id
), previous AS (
  SELECT w.id, w.n8n_workflow_id, w.client_id FROM workflows w JOIN incoming i ON i.id = w.n8n_workflow_id WHERE w.instance_id = $1
), upserted AS (
  INSERT INTO workflows AS w (instance_id, n8n_workflow_id, name, active, tags, client_id, status, archived_at)
  SELECT $1, i.id, i.name, i.active, coalesce(i.tags, '{}'), i.client_id, CASE WHEN i.active THEN 'active' ELSE 'paused' END,
         CASE WHEN i.archived THEN now() END
  FROM incoming i
  ON CONFLICT (instance_id, n8n_workflow_id) DO UPDATE SET
    name = EXCLUDED.name,
    active = EXCLUDED.active,
    tags = EXCLUDED.tags,
    -- a client:<slug> tag assigns the client; without one, an assignment made by staff stays
    client_id = coalesce(EXCLUDED.client_id, w.client_id),
    -- an open alert keeps "error"; otherwise the status follows n8n's active flag
    status = CASE WHEN w.status = 'error' THEN 'error' WHEN EXCLUDED.active THEN 'active' ELSE 'paused' END,
    archived_at = CASE WHEN EXCLUDED.archived_at IS NULL THEN NULL ELSE coalesce(w.archived_at, EXCLUDED.archived_at) END,
    updated_at = now()
  RETURNING w.id, w.n8n_workflow_id, w.client_id
)
SELECT u.id, u.client_id, p.id IS NULL AS created, p.client_id IS DISTINCT FROM u.client_id AS reassigned
FROM upserted u LEFT JOIN previous p ON p.n8n_workflow_id = u.n8n_workflow_id`;

export type WorkflowSyncResult = { synced: number; created: number; reassigned: number; archived: number };

/**
 * Syncs the instance's workflows (name, active flag, tags) in one transaction. A `client:<slug>` tag assigns
 * the workflow to that client, and its daily rollups follow in the same transaction. Workflows that are
 * gone from n8n are archived, never deleted (their runs stay).
 */
export async function syncWorkflows({ instanceId, connection }: { instanceId: string; connection: N8nConnection }): Promise<WorkflowSyncResult> {
  const workflows = await fetchAllWorkflows(connection);
  const db = getDb();
  return db.transaction(async (transaction) => {
    const rows = await db.query<{ id: string; client_id: string | null; created: boolean; reassigned: boolean }>(UPSERT_WORKFLOWS_SQL, {
      bind: [
        instanceId,
        workflows.map((w) => w.id),
        workflows.map((w) => w.name),
        workflows.map((w) => w.active),
        workflows.map((w) => w.isArchived === true),
        workflows.map((w) => w.tags.join('\x1f')),
        workflows.map((w) => clientSlugOf(w.tags)),
      ],
      type: QueryTypes.SELECT,
      transaction,
    });
    const moved = rows.filter((row) => row.reassigned && !row.created);
    if (moved.length > 0) {
      await db.query(
        `UPDATE execution_daily d SET client_id = w.client_id, updated_at = now() FROM workflows w
         WHERE w.id = d.workflow_id AND w.id = ANY($1::uuid[]) AND d.client_id IS DISTINCT FROM w.client_id`,
        { bind: [moved.map((row) => row.id)], transaction },
      );
    }
    const [, archived] = await db.query(
      `UPDATE workflows SET archived_at = now() WHERE instance_id = $1 AND archived_at IS NULL AND NOT (n8n_workflow_id = ANY($2::text[]))`,
      { bind: [instanceId, workflows.map((w) => w.id)], transaction },
    );
    return { synced: rows.length, created: rows.filter((row) => row.created).length, reassigned: moved.length, archived: rowCount(archived) };
  });
}

function rowCount(result: unknown): number {
  return typeof result === 'number' ? result : ((result as { rowCount?: number })?.rowCount ?? 0);
}
