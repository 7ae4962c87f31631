import { QueryTypes } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { withConnection } from '~/lib/raw-sql.server';
import { TtlCache } from '~/lib/ttl-cache';
import { onModelChange } from '~/models/change-hooks.server';
import { getDb, N8nInstance } from '~/models/index.server';
import { recordAudit } from './audit.server';

const MAX_NAME_ATTEMPTS = 20;

/** `https://N8N.example.com/` and `https://n8n.example.com` are one instance: scheme, host and path, no trailing slash. */
export function normalizeInstanceUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.search = '';
  url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * The n8n instance an ingest names (`instance`, matched against n8n_instances.identity). An unknown base
 * URL registers a push-only instance named after its host (staff add its API key later); anything else
 * that matches no instance is refused, since a run must belong to an instance.
 */
export async function resolveIngestInstance({ caller, instance }: { caller: Caller; instance: string }): Promise<{ id: string }> {
  const sent = instance.trim();
  const exact = await findInstanceId(sent);
  if (exact) return exact;
  const url = normalizeInstanceUrl(sent);
  if (!url) {
    throw new ApiError('invalid_input', 'Unknown n8n instance: send its base URL (e.g. https://n8n.example.com) or the identity of a registered instance', {
      instance: ['not a registered instance or an http(s) URL'],
    });
  }
  const identity = url.toString().replace(/\/+$/, '');
  return (await findInstanceId(identity)) ?? registerInstance({ caller, identity, host: url.host });
}

// Every ingest request names its instance; the id behind an identity is remembered for a few seconds
// (dropped at once when this process changes an instance).
const instanceIds = new TtlCache<{ id: string }>(10_000);
onModelChange(['N8nInstance'], () => instanceIds.clear());

async function findInstanceId(identity: string): Promise<{ id: string } | null> {
  const cached = instanceIds.get(identity);
  if (cached) return cached;
  const [row] = await withConnection((sql) => sql<{ id: string }>('SELECT id FROM n8n_instances WHERE identity = $1', [identity], 'ingest_instance_id'));
  if (row) instanceIds.set(identity, { id: row.id });
  return row ?? null;
}

async function registerInstance({ caller, identity, host }: { caller: Caller; identity: string; host: string }): Promise<N8nInstance> {
  const db = getDb();
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = attempt === 1 ? host : `${host} (${attempt})`;
    // concurrent first batches from a new instance race here; DO NOTHING lets exactly one of them insert
    const inserted = await db.query<{ id: string }>(
      `INSERT INTO n8n_instances (name, base_url, identity) VALUES ($1, $2, $2) ON CONFLICT DO NOTHING RETURNING id`,
      { bind: [name, identity], type: QueryTypes.SELECT },
    );
    const found = await N8nInstance.findOne({ where: { identity } });
    if (found) {
      if (inserted.length > 0) {
        await recordAudit({ actor: actorOf(caller), action: 'n8n_instance.register', target: { type: 'n8n_instance', id: found.id }, metadata: { name, identity, via: 'ingest' } });
      }
      return found;
    }
    // the name belongs to another instance (same host, another scheme or path): try the next name
  }
  throw new ApiError('conflict', `Could not register the n8n instance ${identity}: too many instances named after ${host}`);
}
