import { TtlCache } from '~/lib/ttl-cache';
import { onModelChange } from '~/models/change-hooks.server';

// Every ingest names its runs' workflows by n8n id; the portal's id (and name) behind each is remembered
// for a few seconds, so a push of known workflows skips the look-up statement. A workflow deleted meanwhile
// makes the write fail its foreign key; the write then forgets every remembered id and looks its workflows
// up again (ingest.server.ts), so a stale entry costs one retry, never a lost run. A workflow changed
// through the models here (renamed, moved, deleted) empties the memory at once. An instance's own row does
// not: a sync saves its resume point on it after every page, and no change to it changes its workflows' ids.
const TTL_MS = 10_000;
const known = new TtlCache<{ id: string; name: string }>(TTL_MS);
onModelChange(['Workflow'], () => known.clear());

const keyOf = (instanceId: string, n8nWorkflowId: string) => `${instanceId}|${n8nWorkflowId}`;

/**
 * The portal ids of `names`' workflows (n8n id -> reported name, '' when none), or null when any of them is
 * not remembered or was reported under another name (the look-up renames it).
 */
export function rememberedWorkflowIds(instanceId: string, names: Map<string, string>): Map<string, string> | null {
  const ids = new Map<string, string>();
  for (const [n8nWorkflowId, name] of names) {
    const entry = known.get(keyOf(instanceId, n8nWorkflowId));
    if (!entry || (name !== '' && name !== entry.name)) return null;
    ids.set(n8nWorkflowId, entry.id);
  }
  return ids;
}

export function rememberWorkflows(instanceId: string, workflows: { n8nWorkflowId: string; id: string; name: string }[]) {
  for (const w of workflows) known.set(keyOf(instanceId, w.n8nWorkflowId), { id: w.id, name: w.name });
}

export function forgetWorkflows() {
  known.clear();
}
