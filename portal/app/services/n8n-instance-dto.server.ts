import type { N8nInstanceDto } from '@monoliet/contract';
import { DecryptionError } from '~/lib/crypto.server';
import type { N8nInstance } from '~/models/index.server';
import { hintFor } from './credential-hints';
import { openSecret } from './secrets.server';

function apiKeyHintOf(instance: N8nInstance): string | null {
  if (!instance.apiKeyEncrypted) return null;
  try {
    return hintFor({ apiKey: openSecret({ kind: 'instanceApiKey', ciphertext: instance.apiKeyEncrypted }) });
  } catch (error) {
    // a key sealed with an encryption key that is no longer configured: say so instead of failing the list
    if (error instanceof DecryptionError) return 'unreadable: re-enter the API key';
    throw error;
  }
}

export function toInstanceDto(instance: N8nInstance, workflowCount: number): N8nInstanceDto {
  return {
    id: instance.id,
    name: instance.name,
    baseUrl: instance.baseUrl,
    identity: instance.identity,
    hasApiKey: instance.apiKeyEncrypted !== null,
    apiKeyHint: apiKeyHintOf(instance),
    apiFlavor: instance.apiFlavor,
    isActive: instance.isActive,
    workflowCount,
    lastSyncAt: instance.lastSyncAt?.toISOString() ?? null,
    lastSyncStatus: instance.lastSyncStatus,
    lastSyncError: instance.lastSyncError,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
  };
}
