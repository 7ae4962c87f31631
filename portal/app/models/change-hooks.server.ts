import type { Model, ModelStatic, Transaction } from 'sequelize';
import { TtlCache } from '~/lib/ttl-cache';

// In-process caches of a few hot lookups (API tokens, session users, instance ids) are dropped whenever this process
// changes one of the rows they are built from: at once, and again when the changing transaction commits
// (a request in between may have cached the old, still committed, state). Other replicas expire their
// entries by TTL.

type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();
const HOOKS = ['afterCreate', 'afterUpdate', 'afterDestroy', 'afterBulkCreate', 'afterBulkUpdate', 'afterBulkDestroy', 'afterUpsert'] as const;

export function onModelChange(modelNames: string[], listener: Listener) {
  for (const name of modelNames) {
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(name, set);
  }
}

/**
 * A TtlCache of look-ups built from rows of `models`, emptied whenever this process changes one of them.
 * A look-up that started before such a change may have read the old rows, so its result is not kept.
 */
export function lookupCache<V>({ ttlMs, models }: { ttlMs: number; models: string[] }) {
  const cache = new TtlCache<V>(ttlMs);
  let changes = 0;
  onModelChange(models, () => {
    cache.clear();
    changes++;
  });
  return {
    get: (key: string) => cache.get(key),
    /** Runs `lookUp` and keeps a found value, unless the models changed meanwhile. */
    async load(key: string, lookUp: () => Promise<V | null>): Promise<V | null> {
      const changesBefore = changes;
      const value = await lookUp();
      if (value !== null && changes === changesBefore) cache.set(key, value);
      return value;
    },
  };
}

function notify(modelName: string) {
  for (const listener of listeners.get(modelName) ?? []) listener();
}

/** Called once the models are initialised (Model.init resets hooks added before it). */
export function installChangeHooks(models: ModelStatic<Model>[]) {
  for (const model of models) {
    for (const hook of HOOKS) {
      model.addHook(hook, 'lookup-caches', (...args: unknown[]) => {
        notify(model.name);
        const options = args.at(-1) as { transaction?: Transaction | null } | undefined;
        options?.transaction?.afterCommit(() => notify(model.name));
      });
    }
  }
}
