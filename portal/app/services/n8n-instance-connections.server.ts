import { normalizeInstanceUrl } from '@monoliet/contract';
import { Op } from 'sequelize';
import { getConfig } from '~/lib/config.server';
import { ApiError } from '~/lib/errors.server';
import { logger } from '~/lib/logger.server';
import type { N8nConnection } from '~/lib/n8n/request.server';
import { N8nInstance } from '~/models/index.server';
import { openSecret, sealSecret } from './secrets.server';

// How the portal reaches an n8n instance: its decrypted connection, the instances a sync covers, and the
// default instance configured by N8N_URL / N8N_API_KEY. The staff CRUD lives in n8n-instances.server.ts.

/** The instance's API address and its decrypted key; null for a push-only instance (no key). */
export function getN8nConnection(instance: N8nInstance): N8nConnection | null {
  if (!instance.apiKeyEncrypted) return null;
  return { baseUrl: instance.baseUrl, apiKey: openSecret({ kind: 'instanceApiKey', ciphertext: instance.apiKeyEncrypted }) };
}

/** An instance by id or by name (the CLI's --instance). */
export async function findInstanceByReference(reference: string): Promise<N8nInstance> {
  const isId = /^[0-9a-f-]{36}$/i.test(reference);
  const instance = await N8nInstance.findOne({ where: isId ? { [Op.or]: [{ id: reference }, { name: reference }] } : { name: reference } });
  if (!instance) throw new ApiError('not_found', `No n8n instance "${reference}"`);
  return instance;
}

/** Active instances with an API key: the ones a scheduled reconcile syncs. */
export async function listSyncableInstances(): Promise<N8nInstance[]> {
  return N8nInstance.findAll({ where: { isActive: true, apiKeyEncrypted: { [Op.ne]: null } }, order: [['name', 'ASC']] });
}

/**
 * Creates or updates the instance named by N8N_URL / N8N_API_KEY (at every start and before a CLI sync),
 * so a deployment configured by environment needs no clicks. Instances added in the staff area are left alone.
 */
export async function ensureDefaultInstance(): Promise<N8nInstance | null> {
  const { n8nUrl, n8nApiKey } = getConfig();
  if (!n8nUrl) return null;
  const identity = normalizeInstanceUrl(n8nUrl);
  const existing = await N8nInstance.findOne({ where: { identity } });
  if (!existing) {
    const taken = await N8nInstance.count({ where: { name: 'Default n8n' } });
    const created = await N8nInstance.create({
      name: taken ? `Default n8n (${new URL(identity).host})` : 'Default n8n',
      baseUrl: identity,
      identity,
      apiKeyEncrypted: n8nApiKey ? sealSecret({ kind: 'instanceApiKey', plaintext: n8nApiKey }) : null,
      apiFlavor: null,
      lastSyncAt: null,
      lastSyncStatus: null,
      lastSyncError: null,
      syncWatermark: null,
      syncState: null,
    });
    logger.info({ instance: created.name, baseUrl: identity }, 'created the n8n instance from N8N_URL');
    return created;
  }
  const currentKey = existing.apiKeyEncrypted ? openSecret({ kind: 'instanceApiKey', ciphertext: existing.apiKeyEncrypted }) : null;
  if (n8nApiKey && n8nApiKey !== currentKey) {
    await existing.update({ apiKeyEncrypted: sealSecret({ kind: 'instanceApiKey', plaintext: n8nApiKey }) });
    logger.info({ instance: existing.name }, 'updated the API key of the n8n instance from N8N_API_KEY');
  }
  return existing;
}
