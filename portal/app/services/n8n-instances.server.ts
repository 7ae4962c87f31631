import type { N8nInstanceCreate, N8nInstanceDto, N8nInstanceListQuery, N8nInstanceUpdate } from '@monoliet/contract';
import { Op, UniqueConstraintError } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertStaff } from '~/lib/policy.server';
import { getDb, N8nInstance, Workflow } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { toInstanceDto } from './n8n-instance-dto.server';
import { sealSecret } from './secrets.server';

// The n8n instances the portal syncs from and pushes activations to. The API key is stored encrypted
// and never leaves the portal again: answers say whether one is set and show its last characters.

const NOT_FOUND = 'n8n instance not found';

async function countWorkflows(instanceIds: string[]): Promise<Map<string, number>> {
  if (instanceIds.length === 0) return new Map();
  const rows = (await Workflow.findAll({
    attributes: ['instanceId', [getDb().fn('count', getDb().col('id')), 'count']],
    where: { instanceId: { [Op.in]: instanceIds } },
    group: ['instanceId'],
    raw: true,
  })) as unknown as { instanceId: string; count: string }[];
  return new Map(rows.map((row) => [row.instanceId, Number(row.count)]));
}

async function dtoOf(instance: N8nInstance): Promise<N8nInstanceDto> {
  return toInstanceDto(instance, (await countWorkflows([instance.id])).get(instance.id) ?? 0);
}

export async function findInstance(id: string): Promise<N8nInstance> {
  const instance = await N8nInstance.findByPk(id);
  if (!instance) throw new ApiError('not_found', NOT_FOUND);
  return instance;
}

export async function listInstances({ caller, query }: { caller: Caller; query: N8nInstanceListQuery }) {
  assertStaff(caller);
  const where = query.active === undefined ? {} : { isActive: query.active };
  const page = await paginate({ model: N8nInstance, where, order: parseOrder(query.order), limit: query.limit, cursor: query.cursor });
  const counts = await countWorkflows(page.rows.map((row) => row.id));
  return { data: page.rows.map((row) => toInstanceDto(row, counts.get(row.id) ?? 0)), nextCursor: page.nextCursor };
}

export async function getInstance({ caller, id }: { caller: Caller; id: string }): Promise<N8nInstanceDto> {
  assertStaff(caller);
  return dtoOf(await findInstance(id));
}

const sealKey = (apiKey: string | null) => (apiKey === null ? null : sealSecret({ kind: 'instanceApiKey', plaintext: apiKey }));

export async function createInstance({ caller, input }: { caller: Caller; input: N8nInstanceCreate }): Promise<N8nInstanceDto> {
  assertStaff(caller);
  const instance = await getDb()
    .transaction(async (transaction) => {
      const created = await N8nInstance.create(
        {
          name: input.name,
          baseUrl: input.baseUrl,
          identity: input.identity ?? input.baseUrl,
          apiKeyEncrypted: sealKey(input.apiKey ?? null),
          apiFlavor: null,
          isActive: input.isActive ?? true,
          lastSyncAt: null,
          lastSyncStatus: null,
          lastSyncError: null,
          syncWatermark: null,
          syncState: null,
        },
        { transaction },
      );
      const metadata = { name: created.name, baseUrl: created.baseUrl, withApiKey: created.apiKeyEncrypted !== null };
      await recordAudit({ actor: actorOf(caller), action: 'n8n_instance.create', target: { type: 'n8n_instance', id: created.id }, metadata }, transaction);
      return created;
    })
    .catch(explainConflict);
  return toInstanceDto(instance, 0);
}

export async function updateInstance({ caller, id, input }: { caller: Caller; id: string; input: N8nInstanceUpdate }): Promise<N8nInstanceDto> {
  assertStaff(caller);
  const instance = await findInstance(id);
  const movedTo = input.baseUrl !== undefined && input.baseUrl !== instance.baseUrl ? input.baseUrl : undefined;
  await getDb()
    .transaction(async (transaction) => {
      await instance.update(
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.identity !== undefined ? { identity: input.identity } : {}),
          ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
          ...(input.apiKey !== undefined ? { apiKeyEncrypted: sealKey(input.apiKey) } : {}),
          // another address may run another n8n version: which activation API it speaks is found out again
          ...(movedTo ? { baseUrl: movedTo, apiFlavor: null } : {}),
        },
        { transaction },
      );
      // the key itself is never written to the audit log, only that it changed
      await recordAudit({ actor: actorOf(caller), action: 'n8n_instance.update', target: { type: 'n8n_instance', id }, metadata: { name: instance.name, fields: Object.keys(input) } }, transaction);
    })
    .catch(explainConflict);
  return dtoOf(instance);
}

/** Deletes an instance that no workflow belongs to (its runs hang off those workflows). */
export async function deleteInstance({ caller, id }: { caller: Caller; id: string }) {
  assertStaff(caller);
  const instance = await findInstance(id);
  const workflows = (await countWorkflows([id])).get(id) ?? 0;
  if (workflows > 0) {
    throw new ApiError('conflict', `${workflows} workflow${workflows === 1 ? '' : 's'} of this instance ${workflows === 1 ? 'is' : 'are'} still in the portal; deactivate the instance instead, or remove its workflows first`);
  }
  await getDb().transaction(async (transaction) => {
    await instance.destroy({ transaction });
    await recordAudit({ actor: actorOf(caller), action: 'n8n_instance.delete', target: { type: 'n8n_instance', id }, metadata: { name: instance.name, baseUrl: instance.baseUrl } }, transaction);
  });
}

function explainConflict(error: unknown): never {
  if (error instanceof UniqueConstraintError) {
    const field = Object.keys(error.fields ?? {}).includes('identity') ? 'identity' : 'name';
    throw new ApiError('conflict', `Another n8n instance already has this ${field}`, { [field]: ['already taken'] });
  }
  throw error;
}
