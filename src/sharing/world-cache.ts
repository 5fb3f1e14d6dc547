/**
 * The policy's inputs (agencies, groups, arrangements, follow-up grants), and the screening rules, cached
 * per server process. Triggers on those tables announce every change on POLICY_CHANNEL when it commits
 * (migrations 0006 and 0012), and a watched store drops its cache on each notice, so a new arrangement, a
 * revoked one, an approval or a changed rule applies to the next call. Stores that are not watched (the
 * CLI, tests) read fresh every time.
 */
import type { DbOrTx, Store } from "../platform/db.ts";

export const POLICY_CHANNEL = "ftfx_policy";

class PolicyCache {
  private readonly slots = new Map<string, Promise<unknown>>();

  /**
   * The slot's value, loaded once until the next notice. A load in flight when a notice arrives is
   * dropped from the cache (its callers still get it: they asked before the change was visible).
   */
  get<T>(slot: string, load: () => Promise<T>): Promise<T> {
    const cached = this.slots.get(slot) as Promise<T> | undefined;
    if (cached) return cached;
    const loading = load();
    this.slots.set(slot, loading);
    loading.catch(() => {
      if (this.slots.get(slot) === loading) this.slots.delete(slot);
    });
    return loading;
  }

  invalidate(): void {
    this.slots.clear();
  }
}

const caches = new WeakMap<DbOrTx, PolicyCache>();

/**
 * Caches the policy's inputs of this store's database until the next change notice; returns the
 * function that stops watching (and caching).
 */
export async function watchPolicyWorld(store: Store): Promise<() => Promise<void>> {
  const cache = new PolicyCache();
  const unsubscribe = await store.listen(POLICY_CHANNEL, () => cache.invalidate());
  caches.set(store.db, cache);
  return async () => {
    if (caches.get(store.db) === cache) caches.delete(store.db);
    await unsubscribe();
  };
}

/** The cached value when `db` is a watched store's database; a fresh load otherwise (transactions included). */
export function cachedPolicyInput<T>(db: DbOrTx, slot: string, load: () => Promise<T>): Promise<T> {
  const cache = caches.get(db);
  return cache ? cache.get(slot, load) : load();
}
