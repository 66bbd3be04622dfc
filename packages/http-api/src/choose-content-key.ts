import type { Store } from "@calwise/storage";

/**
 * The content key of an import (uploads of the same file are one): `base` while the records its first answer
 * names still stand, so a repeat replays that answer; once they are all deleted, the next generation
 * (`base#2`, `base#3`, …), so the same file sent again is stored again rather than answered with records that
 * are gone. `stands` reads a stored answer and says whether any of its records still exist.
 */
export async function chooseContentKey(
  store: Store,
  orgId: string,
  base: string,
  stands: (response: unknown) => Promise<boolean>,
): Promise<string> {
  for (let generation = 1; ; generation += 1) {
    const key = generation === 1 ? base : `${base}#${generation}`;
    const stored = await store.idempotencyKeys.find(orgId, key);
    if (stored === undefined || (await stands(stored.response))) return key;
  }
}
