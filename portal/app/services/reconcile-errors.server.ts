import type { N8nError } from '~/lib/n8n/request.server';

/** n8n could not be read during a sync: recorded on the sync run and the instance, not a crash. */
export class N8nSyncError extends Error {
  override name = 'N8nSyncError';
  constructor(
    readonly step: string,
    readonly n8nError: N8nError,
  ) {
    super(`${step}: ${n8nError.message}`);
  }
}
