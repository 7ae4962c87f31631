import type { ExecutionReport } from '@monoliet/contract';
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { getExecution, listExecutions } from '~/lib/n8n/executions.server';
import type { N8nConnection } from '~/lib/n8n/request.server';
import type { N8nExecution } from '~/lib/n8n/schemas.server';
import { getDb, N8nInstance } from '~/models/index.server';
import { recordRuns } from './ingest.server';
import { N8nSyncError } from './reconcile-errors.server';

/** Where an interrupted pass resumes: n8n's cursor for the next page, and the pass's bounds. */
const SyncStateSchema = z.object({ cursor: z.string().min(1), cutoff: z.iso.datetime().nullable(), newest: z.iso.datetime().nullable() });
type PassState = { cursor: string | null; cutoff: string | null; newest: string | null };

export type SyncCounts = { pages: number; executionsSeen: number; runsInserted: number; runsUpdated: number };
export type SyncProgress = SyncCounts & { phase: 'workflows' | 'executions' | 'running' | 'recheck'; /** 0..1 of the pass's time span, when it has a lower bound */ coverage: number | null };
type Pass = { instance: N8nInstance; connection: N8nConnection; counts: SyncCounts; seen: Set<string>; onPage?: (progress: SyncProgress) => Promise<void> | void };

/** An n8n list item as a run report; null for an execution that has not started yet (status new). */
export function toReport(execution: N8nExecution): ExecutionReport | null {
  const startedAt = execution.startedAt ? new Date(execution.startedAt) : null;
  if (!startedAt || Number.isNaN(startedAt.getTime())) return null;
  const stoppedAt = execution.stoppedAt ? new Date(execution.stoppedAt) : null;
  return {
    executionId: execution.id,
    workflowId: execution.workflowId,
    status: execution.status,
    mode: execution.mode || undefined,
    startedAt: startedAt.toISOString(),
    stoppedAt: stoppedAt && !Number.isNaN(stoppedAt.getTime()) ? stoppedAt.toISOString() : null,
    retryOf: execution.retryOf,
  };
}

const toReports = (executions: N8nExecution[]) => executions.map(toReport).filter((r): r is ExecutionReport => r !== null);

async function recordPage({ pass, executions, reports = toReports(executions), isPage = true }: { pass: Pass; executions: N8nExecution[]; reports?: ExecutionReport[]; isPage?: boolean }) {
  const result = await recordRuns({ instanceId: pass.instance.id, reports, source: 'backfill' });
  if (isPage) pass.counts.pages++;
  pass.counts.executionsSeen += executions.length;
  pass.counts.runsInserted += result.created;
  pass.counts.runsUpdated += result.updated;
  for (const report of reports) pass.seen.add(report.executionId);
  return reports;
}

/**
 * Pages executions newest first down to `cutoff` (all of them when null), upserting each page as backfill.
 * After each committed page the resume point is saved on the instance; at the end the watermark moves to
 * the newest start seen and the resume point is cleared. n8n may prune old runs: nothing is ever deleted.
 */
async function runPass(pass: Pass, start: PassState) {
  let { cursor, newest } = start;
  const { cutoff } = start;
  const newestAtStart = newest;
  let pending = fetchPage(pass, cursor);
  for (;;) {
    const page = await pending;
    if (!page.ok) throw new N8nSyncError('listing executions', page.error);
    const reports = toReports(page.value.data);
    const starts = reports.map((report) => report.startedAt).sort();
    const oldest = starts[0] ?? null;
    const done = !page.value.nextCursor || (cutoff !== null && oldest !== null && oldest < cutoff);
    // n8n's cursor is known before this page is written: the next page is fetched while it is
    if (!done) pending = fetchPage(pass, page.value.nextCursor);
    await recordPage({ pass, executions: page.value.data, reports });
    newest = [newest, starts.at(-1)].filter(Boolean).sort().at(-1) ?? null;
    if (done) {
      const watermark = [pass.instance.syncWatermark?.toISOString(), newest].filter(Boolean).sort().at(-1);
      await pass.instance.update({ syncState: null, syncWatermark: watermark ? new Date(watermark) : null });
      return;
    }
    cursor = page.value.nextCursor;
    await pass.instance.update({ syncState: { cursor, cutoff, newest } });
    const top = newestAtStart ?? newest;
    const coverage = cutoff && top && oldest ? Math.min(1, (Date.parse(top) - Date.parse(oldest)) / Math.max(1, Date.parse(top) - Date.parse(cutoff))) : null;
    await pass.onPage?.({ ...pass.counts, phase: 'executions', coverage });
  }
}

/** One page of the listing; a page fetched ahead and then not needed (a failed write) must not go unhandled. */
function fetchPage(pass: Pass, cursor: string | null) {
  const page = listExecutions({ connection: pass.connection, cursor });
  page.catch(() => undefined);
  return page;
}

export type ExecutionSyncOptions = Omit<Pass, 'seen'> & { since?: Date; full?: boolean; overlapMs: number };

/** Finishes an interrupted pass (unless --since/--full asks for another range), then runs a fresh one. */
export async function syncExecutions({ instance, connection, counts, onPage, since, full, overlapMs }: ExecutionSyncOptions) {
  const pass: Pass = { instance, connection, counts, onPage, seen: new Set() };
  const saved = SyncStateSchema.safeParse(instance.syncState);
  if (saved.success && !since && !full) await runPass(pass, saved.data);
  const watermark = instance.syncWatermark;
  const cutoff = full ? null : since ? since.toISOString() : watermark ? new Date(watermark.getTime() - overlapMs).toISOString() : null;
  await runPass(pass, { cursor: null, cutoff, newest: null });
  await syncRunning(pass);
  await recheckUnfinished(pass);
}

/** n8n lists running executions only when asked for status=running. */
async function syncRunning(pass: Pass) {
  let cursor: string | null = null;
  do {
    const page = await listExecutions({ connection: pass.connection, cursor, status: 'running' });
    if (!page.ok) throw new N8nSyncError('listing running executions', page.error);
    await recordPage({ pass, executions: page.value.data });
    cursor = page.value.nextCursor;
  } while (cursor);
  await pass.onPage?.({ ...pass.counts, phase: 'running', coverage: null });
}

const RECHECK_DAYS = 7;
const RECHECK_LIMIT = 500;

/**
 * Runs stored as running/waiting/new that this sync did not see (older than the pass, or no longer
 * running) are asked for one by one, so they move to their final status. A pruned one stays as it is.
 */
async function recheckUnfinished(pass: Pass) {
  const rows = await getDb().query<{ n8n_execution_id: string }>(
    `SELECT n8n_execution_id FROM execution_runs
     WHERE instance_id = $1 AND status IN ('running', 'waiting', 'new') AND started_at > now() - make_interval(days => $2)
     ORDER BY started_at DESC LIMIT $3`,
    { bind: [pass.instance.id, RECHECK_DAYS, RECHECK_LIMIT + pass.seen.size], type: QueryTypes.SELECT },
  );
  const unseen = rows.map((row) => row.n8n_execution_id).filter((id) => !pass.seen.has(id)).slice(0, RECHECK_LIMIT);
  const found: N8nExecution[] = [];
  for (const executionId of unseen) {
    const result = await getExecution({ connection: pass.connection, executionId });
    if (result.ok) found.push(result.value);
    else if (result.error.kind !== 'not_found') throw new N8nSyncError(`checking execution ${executionId}`, result.error);
  }
  if (found.length > 0) await recordPage({ pass, executions: found, isPage: false });
  await pass.onPage?.({ ...pass.counts, phase: 'recheck', coverage: null });
}
