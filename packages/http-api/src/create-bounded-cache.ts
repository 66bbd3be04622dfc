/** A cache of derived values that cannot grow past a budget: the least recently used go first. */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * A least-recently-used cache whose entries weigh `weigh(value)` (1 each by default) and together at most
 * `budget`; a value heavier than the whole budget is not kept. For data derived from immutable inputs (a
 * stored price list read and checked, an answer of the engine to the same question and prices), so that a
 * request does not rebuild what the previous one built; never for anything a tenant's change must reach.
 */
export function createBoundedCache<V>(
  budget: number,
  weigh: (value: V) => number = () => 1,
): BoundedCache<V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, { readonly value: V; readonly weight: number }>();
  let total = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      const weight = weigh(value);
      const old = entries.get(key);
      if (old !== undefined) {
        entries.delete(key);
        total -= old.weight;
      }
      if (weight > budget) return;
      entries.set(key, { value, weight });
      total += weight;
      for (const [oldest, entry] of entries) {
        if (total <= budget) break;
        entries.delete(oldest);
        total -= entry.weight;
      }
    },
  };
}
