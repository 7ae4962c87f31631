import type { IngestBody, IngestResult } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { recordRuns } from './ingest.server';
import { resolveIngestInstance } from './instance-identity.server';

/** POST /executions: one report or a batch, from the Monoliet node of an n8n instance. */
export async function ingestExecutions({ caller, body }: { caller: Caller; body: IngestBody }): Promise<IngestResult> {
  const { instance, reports } = 'runs' in body ? { instance: body.instance, reports: body.runs } : splitSingle(body);
  const resolved = await resolveIngestInstance({ caller, instance });
  return recordRuns({ instanceId: resolved.id, reports, source: 'push' });
}

function splitSingle(body: Exclude<IngestBody, { runs: unknown }>) {
  const { instance, ...report } = body;
  return { instance, reports: [report] };
}
