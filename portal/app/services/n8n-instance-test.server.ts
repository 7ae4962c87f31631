import type { N8nConnectionTest } from '@monoliet/contract';
import type { Caller } from '~/lib/caller.server';
import { DecryptionError } from '~/lib/crypto.server';
import { testConnection } from '~/lib/n8n/connection.server';
import { assertStaff } from '~/lib/policy.server';
import { findInstance } from './n8n-instances.server';
import { openSecret } from './secrets.server';

/**
 * POST /n8n-instances/{id}/test: can the portal reach the instance, and may its API key list workflows and
 * executions (what a sync needs)? A failed test is an answer, not an error: `ok: false` says why.
 */
export async function testInstanceConnection({ caller, id }: { caller: Caller; id: string }): Promise<N8nConnectionTest> {
  assertStaff(caller);
  const instance = await findInstance(id);
  const testedAt = new Date().toISOString();
  const failed = (errorKind: string, message: string) => ({ ok: false, errorKind, message, testedAt });
  if (!instance.apiKeyEncrypted) return failed('no_api_key', 'This instance has no API key yet; add one (n8n: Settings > n8n API) to sync runs and activate workflows');
  let apiKey: string;
  try {
    apiKey = openSecret({ kind: 'instanceApiKey', ciphertext: instance.apiKeyEncrypted });
  } catch (error) {
    if (error instanceof DecryptionError) return failed('unreadable_api_key', 'The stored API key was encrypted with a key this portal no longer has; enter the API key again');
    throw error;
  }
  const result = await testConnection({ connection: { baseUrl: instance.baseUrl, apiKey } });
  if (!result.ok) return failed(result.error.kind, result.error.message);
  return { ok: true, errorKind: null, message: 'Connected: the API key can list workflows and executions', testedAt };
}
